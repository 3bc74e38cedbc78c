DROP INDEX task_runs_failed_created;
