-- Whether a running run has gone silent depends on its newest metric snapshots, whatever their
-- names: the runs pane reads a run's newest distinct snapshot times from this index each poll.
CREATE INDEX metric_snapshots_run_time ON metric_snapshots (task_run_id, timestamp);
