-- Drops what 0006_precomputed_reads.up.sql created: each column and trigger before the function
-- it uses; the run-number function goes back to 0001's body.
CREATE OR REPLACE FUNCTION taskdash_assign_run_number() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tasks WHERE id = NEW.task_id FOR NO KEY UPDATE;
  SELECT coalesce(max(run_number), 0) + 1 INTO NEW.run_number
    FROM task_runs WHERE task_id = NEW.task_id;
  RETURN NEW;
END;
$$;

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
