-- PostgreSQL's 0002 adds (task_id, status, created_at, id) on task_runs for the pages of a run
-- and a task. SQLite has had that index since 0001 (task_runs_task_status_created), so this
-- version changes nothing; it keeps the two dialects at the same versions.
SELECT 1;
