-- Drops what 0007_push.up.sql created: the triggers before the function they call.
DROP TRIGGER IF EXISTS artifacts_notify ON artifacts;
DROP TRIGGER IF EXISTS metric_snapshots_notify ON metric_snapshots;
DROP TRIGGER IF EXISTS task_runs_notify ON task_runs;
DROP TRIGGER IF EXISTS tasks_notify ON tasks;
DROP FUNCTION IF EXISTS taskdash_notify_change();
