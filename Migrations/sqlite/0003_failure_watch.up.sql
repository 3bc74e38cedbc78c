-- Notifications ask each poll which runs failed or timed out since they started watching; see
-- the PostgreSQL twin. SQLite uses a partial index when the query repeats its WHERE terms.
CREATE INDEX task_runs_failed_updated ON task_runs (updated_at, id) WHERE status IN ('failed', 'timeout');
CREATE INDEX task_runs_task_failed_updated ON task_runs (task_id, updated_at, id)
  WHERE status IN ('failed', 'timeout');
