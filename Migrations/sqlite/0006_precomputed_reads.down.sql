-- Drops what 0006_precomputed_reads.up.sql created: the triggers before the table they fill.
DROP TRIGGER IF EXISTS metric_snapshots_roll_up_update;
DROP TRIGGER IF EXISTS metric_snapshots_roll_up_delete;
DROP TRIGGER IF EXISTS metric_snapshots_roll_up_insert;
DROP TABLE IF EXISTS metric_rollups;
