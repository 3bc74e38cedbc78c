-- Drops everything 0001_create_schema.up.sql created; the tables take their triggers and
-- indexes with them, the functions go last because the triggers used them.

DROP TABLE IF EXISTS artifacts;
DROP TABLE IF EXISTS metric_snapshots;
DROP TABLE IF EXISTS task_runs;
DROP TABLE IF EXISTS tasks;

DROP FUNCTION IF EXISTS taskdash_reset_run_counts();
DROP FUNCTION IF EXISTS taskdash_count_runs();
DROP FUNCTION IF EXISTS taskdash_assign_run_number();
DROP FUNCTION IF EXISTS taskdash_touch_updated_at();
