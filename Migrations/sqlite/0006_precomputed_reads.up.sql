-- A chart reduces a series to one bucket per dot column. Over a long series that meant reading
-- every point (a million points, 420 ms); this table keeps each series' minutes already reduced
-- (how many points, the finite extremes, the first and last time), so a chart whose buckets are
-- whole minutes reads minutes instead of points. Triggers keep it in the writer's own
-- transaction, whoever writes.
--
-- SQLite has only row triggers, and recounting a minute for every deleted row would make
-- deleting a run quadratic in its points per minute. So a delete or update marks the minute it
-- touched stale (points NULL), which a chart reads from the points again, and a minute's row
-- goes with its last point.
--
-- Failure triage's patterns are not stored here as they are on PostgreSQL: SQLite has no
-- regular expressions, and a column computed by taskdash's own registered function would make
-- every other program that writes task_runs fail.
--
-- Snapshots of no run or no task are keyed by the nil UUID, as on PostgreSQL.
CREATE TABLE metric_rollups (
  task_run_id TEXT NOT NULL,
  name TEXT NOT NULL,
  minute TEXT NOT NULL,
  task_id TEXT NOT NULL,
  points INTEGER,
  low REAL,
  high REAL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (task_run_id, name, minute, task_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX metric_rollups_task_name_minute ON metric_rollups (task_id, name, minute);

-- SQLite's two-argument min and max return NULL when either is NULL; a minute of non-finite
-- values only has no extremes, which coalesce keeps from hiding the other side's.
CREATE TRIGGER metric_snapshots_roll_up_insert AFTER INSERT ON metric_snapshots
BEGIN
  INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
  VALUES (coalesce(NEW.task_run_id, '00000000-0000-0000-0000-000000000000'), NEW.name,
          substr(NEW.timestamp, 1, 16) || ':00.000Z', coalesce(NEW.task_id, '00000000-0000-0000-0000-000000000000'), 1,
          CASE WHEN NEW.value > -9e999 AND NEW.value < 9e999 THEN NEW.value END,
          CASE WHEN NEW.value > -9e999 AND NEW.value < 9e999 THEN NEW.value END,
          NEW.timestamp, NEW.timestamp)
  ON CONFLICT (task_run_id, name, minute, task_id) DO UPDATE
     SET points = points + 1,
         low = coalesce(min(low, excluded.low), low, excluded.low),
         high = coalesce(max(high, excluded.high), high, excluded.high),
         first_at = min(first_at, excluded.first_at),
         last_at = max(last_at, excluded.last_at);
END;

-- The old row's minute: stale, or gone with its last point. Its points are found through the
-- (task_run_id, name, timestamp) index: text timestamps of one minute share their first 16
-- characters, and ';' follows ':'.
CREATE TRIGGER metric_snapshots_roll_up_delete AFTER DELETE ON metric_snapshots
BEGIN
  UPDATE metric_rollups SET points = NULL
   WHERE task_run_id = coalesce(OLD.task_run_id, '00000000-0000-0000-0000-000000000000') AND name = OLD.name
     AND minute = substr(OLD.timestamp, 1, 16) || ':00.000Z'
     AND task_id = coalesce(OLD.task_id, '00000000-0000-0000-0000-000000000000');
  DELETE FROM metric_rollups
   WHERE task_run_id = coalesce(OLD.task_run_id, '00000000-0000-0000-0000-000000000000') AND name = OLD.name
     AND minute = substr(OLD.timestamp, 1, 16) || ':00.000Z'
     AND task_id = coalesce(OLD.task_id, '00000000-0000-0000-0000-000000000000')
     AND NOT EXISTS (
           SELECT 1 FROM metric_snapshots m
            WHERE m.task_run_id IS OLD.task_run_id AND m.task_id IS OLD.task_id AND m.name = OLD.name
              AND m.timestamp >= substr(OLD.timestamp, 1, 16) || ':'
              AND m.timestamp < substr(OLD.timestamp, 1, 16) || ';');
END;

-- An update leaves both minutes it touches stale, the new one made if it did not exist. Updates
-- of snapshots are rare; a stale minute costs a read of its bucket's points, nothing more.
CREATE TRIGGER metric_snapshots_roll_up_update AFTER UPDATE OF task_id, task_run_id, name, value, timestamp
  ON metric_snapshots
BEGIN
  UPDATE metric_rollups SET points = NULL
   WHERE task_run_id = coalesce(OLD.task_run_id, '00000000-0000-0000-0000-000000000000') AND name = OLD.name
     AND minute = substr(OLD.timestamp, 1, 16) || ':00.000Z'
     AND task_id = coalesce(OLD.task_id, '00000000-0000-0000-0000-000000000000');
  INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
  VALUES (coalesce(NEW.task_run_id, '00000000-0000-0000-0000-000000000000'), NEW.name,
          substr(NEW.timestamp, 1, 16) || ':00.000Z', coalesce(NEW.task_id, '00000000-0000-0000-0000-000000000000'),
          NULL, NULL, NULL, NEW.timestamp, NEW.timestamp)
  ON CONFLICT (task_run_id, name, minute, task_id) DO UPDATE SET points = NULL;
END;

-- The snapshots already written, rolled up once inside the migration's write transaction.
INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
SELECT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000'), name, substr(timestamp, 1, 16) || ':00.000Z',
       coalesce(task_id, '00000000-0000-0000-0000-000000000000'), count(*),
       min(value) FILTER (WHERE value > -9e999 AND value < 9e999),
       max(value) FILTER (WHERE value > -9e999 AND value < 9e999),
       min(timestamp), max(timestamp)
  FROM metric_snapshots
 GROUP BY 1, 2, 3, 4;
