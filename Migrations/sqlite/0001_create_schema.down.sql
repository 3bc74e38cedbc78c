-- Drops everything 0001_create_schema.up.sql created: triggers, indexes, then the tables,
-- children first, so no cascade has anything left to do.
DROP TRIGGER artifacts_touch_updated_at;
DROP TRIGGER task_runs_touch_updated_at;
DROP TRIGGER tasks_touch_updated_at;
DROP TRIGGER task_runs_count_delete;
DROP TRIGGER task_runs_count_update;
DROP TRIGGER task_runs_count_insert;
DROP TRIGGER task_runs_assign_run_number;

DROP INDEX artifacts_run_created;
DROP INDEX artifacts_task_created;
DROP INDEX artifacts_created;
DROP INDEX metric_snapshots_task_name_time;
DROP INDEX metric_snapshots_run_name_time;
DROP INDEX task_runs_task_status_created;
DROP INDEX task_runs_status_created;
DROP INDEX task_runs_task_created;
DROP INDEX task_runs_created;
DROP INDEX tasks_status_name;
DROP INDEX tasks_name;

DROP TABLE artifacts;
DROP TABLE metric_snapshots;
DROP TABLE task_runs;
DROP TABLE tasks;
