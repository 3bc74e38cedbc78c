-- Notifications ask each poll which runs failed or timed out since they started watching. A
-- run is found by when its row last changed (a run created hours ago may fail now), and the
-- failed and timed-out runs of one poll interval are few: partial indexes on updated_at, over
-- every task and per task, answer the question with a short range scan at any table size.
CREATE INDEX task_runs_failed_updated_idx ON task_runs (updated_at DESC, id DESC)
  WHERE status IN ('failed', 'timeout');
CREATE INDEX task_runs_task_failed_updated_idx ON task_runs (task_id, updated_at DESC, id DESC)
  WHERE status IN ('failed', 'timeout');
