DROP INDEX metric_snapshots_run_time;
