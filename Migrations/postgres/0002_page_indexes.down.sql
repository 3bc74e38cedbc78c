CREATE INDEX task_runs_active_task_idx ON task_runs (task_id, status, created_at DESC, id DESC)
  WHERE status IN ('pending', 'running');
DROP INDEX task_runs_task_status_created_idx;
