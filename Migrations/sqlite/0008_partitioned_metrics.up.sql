-- SQLite has no partitions: metric_snapshots stays one table. What retention needs here is a
-- way to find the oldest snapshots without reading them all: `taskdash prune` deletes snapshots
-- older than a cutoff in batches, each batch a range scan of this index from its oldest end.
CREATE INDEX metric_snapshots_time ON metric_snapshots (timestamp);
