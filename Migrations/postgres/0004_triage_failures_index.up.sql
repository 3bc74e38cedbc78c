-- Failure triage reads the newest failed and timed-out runs of a window, across all tasks.
-- Failures are a small part of the runs, so a partial index keeps them in creation order
-- without carrying the rest; the read walks it from the newest end and stops at its cap.
CREATE INDEX task_runs_failed_created_idx ON task_runs (created_at DESC, id DESC)
  WHERE status IN ('failed', 'timeout');
