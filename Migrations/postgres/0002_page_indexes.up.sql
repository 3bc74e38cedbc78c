-- A task's page reads its runs by status from the newest end: the durations of the latest
-- completed runs, the latest failure, the counts by status; the runs pane filtered by task and
-- status walks the same order. The index covers the partial one of active runs, which goes.
CREATE INDEX task_runs_task_status_created_idx ON task_runs (task_id, status, created_at DESC, id DESC);
DROP INDEX task_runs_active_task_idx;
