-- Failure triage reads the newest failed and timed-out runs of a window, across all tasks.
-- The (status, created_at, id) index serves one status at a time, and the two statuses merged
-- in creation order would need a sort of the whole window; a partial index over both keeps
-- them in one order, and the read walks it from the newest end and stops at its cap.
CREATE INDEX task_runs_failed_created ON task_runs (created_at, id) WHERE status IN ('failed', 'timeout');
