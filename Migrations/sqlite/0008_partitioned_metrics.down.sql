-- Drops what 0008_partitioned_metrics.up.sql created.
DROP INDEX IF EXISTS metric_snapshots_time;
