-- Drops what 0006_precomputed_reads.up.sql created: each column and trigger before the function
-- it uses.
ALTER TABLE task_runs DROP COLUMN IF EXISTS error_pattern;
DROP FUNCTION IF EXISTS taskdash_error_pattern(text);

DROP TRIGGER IF EXISTS metric_snapshots_roll_up_truncate ON metric_snapshots;
DROP TRIGGER IF EXISTS metric_snapshots_roll_up_delete ON metric_snapshots;
DROP TRIGGER IF EXISTS metric_snapshots_roll_up_update ON metric_snapshots;
DROP TRIGGER IF EXISTS metric_snapshots_roll_up_insert ON metric_snapshots;
DROP TABLE IF EXISTS metric_rollups;
DROP FUNCTION IF EXISTS taskdash_clear_rollups();
DROP FUNCTION IF EXISTS taskdash_roll_up_metrics();
DROP FUNCTION IF EXISTS taskdash_recount_rollups(uuid[], uuid[], text[], timestamptz[]);
DROP FUNCTION IF EXISTS taskdash_minute(timestamptz);
