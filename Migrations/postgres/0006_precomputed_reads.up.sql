-- Two reads that did their work over every row they touched now find it done at write time.
--
-- MARK: metric rollups
--
-- A chart reduces a series to one bucket per dot column. Over a long series that meant reading
-- every point (a million points, 650 ms); this table keeps each series' minutes already reduced
-- (how many points, the finite extremes, the first and last time), so a chart whose buckets are
-- whole minutes reads minutes instead of points. Statement-level triggers keep it exact in the
-- writer's own transaction, whoever writes: one grouped upsert per INSERT statement, and the
-- touched minutes counted again from metric_snapshots after an UPDATE or DELETE.
--
-- Snapshots of no run or no task are keyed by the nil UUID, so the key has no NULLs and every
-- PostgreSQL since 10 can enforce it.
CREATE TABLE metric_rollups (
  task_run_id uuid NOT NULL,
  name text NOT NULL,
  minute timestamptz NOT NULL,
  task_id uuid NOT NULL,
  points bigint NOT NULL,
  low double precision,
  high double precision,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (task_run_id, name, minute, task_id)
);

CREATE INDEX metric_rollups_task_name_minute_idx ON metric_rollups (task_id, name, minute);

-- The whole UTC minute a time falls in: date_trunc on a timestamptz would cut in the session's
-- time zone, some of whose historical offsets are not whole minutes.
CREATE FUNCTION taskdash_minute(at timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('minute', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
$$;

-- Counts the given minutes of the given series again from metric_snapshots: what an UPDATE or
-- DELETE left of them replaces what the rollup held. NaN sorts above +infinity, so the range
-- test leaves all three non-finite values out of the extremes, as the chart's raw read does.
CREATE FUNCTION taskdash_recount_rollups(runs uuid[], tasks uuid[], names text[], minutes timestamptz[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM metric_rollups r
   USING unnest(runs, tasks, names, minutes) k(run, task, name, minute)
   WHERE r.task_run_id = k.run AND r.task_id = k.task AND r.name = k.name AND r.minute = k.minute;
  INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
  SELECT k.run, k.name, k.minute, k.task, s.points, s.low, s.high, s.first_at, s.last_at
    FROM (SELECT DISTINCT * FROM unnest(runs, tasks, names, minutes) u(run, task, name, minute)) k
   CROSS JOIN LATERAL (
         SELECT count(*) AS points,
                min(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS low,
                max(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS high,
                min(m."timestamp") AS first_at, max(m."timestamp") AS last_at
           FROM metric_snapshots m
          WHERE m.name = k.name
            AND m."timestamp" >= k.minute AND m."timestamp" < k.minute + interval '1 minute'
            AND CASE WHEN k.run = '00000000-0000-0000-0000-000000000000'
                     THEN m.task_run_id IS NULL AND m.task_id = k.task
                     ELSE m.task_run_id = k.run
                          AND coalesce(m.task_id, '00000000-0000-0000-0000-000000000000') = k.task END) s
   WHERE s.points > 0;
END;
$$;

CREATE FUNCTION taskdash_roll_up_metrics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Sorted by key so that concurrent writers take the rollup's row locks in one order.
    INSERT INTO metric_rollups AS r (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
    SELECT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000'), name, taskdash_minute("timestamp"),
           coalesce(task_id, '00000000-0000-0000-0000-000000000000'), count(*),
           min(value) FILTER (WHERE value > '-Infinity' AND value < 'Infinity'),
           max(value) FILTER (WHERE value > '-Infinity' AND value < 'Infinity'),
           min("timestamp"), max("timestamp")
      FROM new_snapshots
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4
        ON CONFLICT (task_run_id, name, minute, task_id) DO UPDATE
       SET points = r.points + excluded.points,
           low = least(r.low, excluded.low),
           high = greatest(r.high, excluded.high),
           first_at = least(r.first_at, excluded.first_at),
           last_at = greatest(r.last_at, excluded.last_at);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM taskdash_recount_rollups(array_agg(run), array_agg(task), array_agg(name), array_agg(minute))
       FROM (SELECT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000') AS run,
                    coalesce(task_id, '00000000-0000-0000-0000-000000000000') AS task,
                    name, taskdash_minute("timestamp") AS minute
               FROM old_snapshots
              UNION
             SELECT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000'),
                    coalesce(task_id, '00000000-0000-0000-0000-000000000000'),
                    name, taskdash_minute("timestamp")
               FROM new_snapshots) touched;
  ELSE
    PERFORM taskdash_recount_rollups(array_agg(run), array_agg(task), array_agg(name), array_agg(minute))
       FROM (SELECT DISTINCT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000') AS run,
                    coalesce(task_id, '00000000-0000-0000-0000-000000000000') AS task,
                    name, taskdash_minute("timestamp") AS minute
               FROM old_snapshots) touched;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER metric_snapshots_roll_up_insert AFTER INSERT ON metric_snapshots
  REFERENCING NEW TABLE AS new_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_roll_up_metrics();
CREATE TRIGGER metric_snapshots_roll_up_update AFTER UPDATE ON metric_snapshots
  REFERENCING OLD TABLE AS old_snapshots NEW TABLE AS new_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_roll_up_metrics();
CREATE TRIGGER metric_snapshots_roll_up_delete AFTER DELETE ON metric_snapshots
  REFERENCING OLD TABLE AS old_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_roll_up_metrics();

-- TRUNCATE fires no DELETE trigger; after one, there is nothing to roll up.
CREATE FUNCTION taskdash_clear_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE metric_rollups;
  RETURN NULL;
END;
$$;

CREATE TRIGGER metric_snapshots_roll_up_truncate AFTER TRUNCATE ON metric_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_clear_rollups();

-- The snapshots already written, rolled up once. The trigger above exists first and the
-- migration's transaction holds the table against writers until it commits, so no row is
-- counted twice or missed.
INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
SELECT coalesce(task_run_id, '00000000-0000-0000-0000-000000000000'), name, taskdash_minute("timestamp"),
       coalesce(task_id, '00000000-0000-0000-0000-000000000000'), count(*),
       min(value) FILTER (WHERE value > '-Infinity' AND value < 'Infinity'),
       max(value) FILTER (WHERE value > '-Infinity' AND value < 'Infinity'),
       min("timestamp"), max("timestamp")
  FROM metric_snapshots
 GROUP BY 1, 2, 3, 4;

-- MARK: error patterns
--
-- Failure triage groups failures by their message's pattern (ErrorPattern.fold in Swift is the
-- specification; a corpus test holds this function to it). Folding 10,000 messages with five
-- regular expressions took 120 ms of each triage read; a stored generated column folds each
-- failure once, when its row is written, whoever writes it. The passes, in order: single- and
-- double-quoted values, UUIDs, hex words, numbers; "not touched by an ASCII letter or digit" is
-- a look-behind or look-ahead, and ASCII ranges keep every locale out of it. Adding the column
-- rewrites task_runs once (6 s for 1,000,000 runs here).
CREATE FUNCTION taskdash_error_pattern(message text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
           left(coalesce(message, ''), 500),
           '(?<![A-Za-z0-9])''[^''\n]*''', '''…''', 'g'),
           '(?<![A-Za-z0-9])"[^"\n]*"', '"…"', 'g'),
           '(?<![A-Za-z0-9])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![A-Za-z0-9])',
           '<uuid>', 'g'),
           '(?<![A-Za-z0-9])(0[xX][0-9A-Fa-f]+|(?=[0-9]*[A-Fa-f])[0-9A-Fa-f]{8,})(?![A-Za-z0-9])', '<hex>', 'g'),
           '((?<![A-Za-z0-9])-)?[0-9]+(\.[0-9]+)?', '#', 'g')
$$;

ALTER TABLE task_runs ADD COLUMN error_pattern text
  GENERATED ALWAYS AS (CASE WHEN status IN ('failed', 'timeout') THEN taskdash_error_pattern(error_message) END) STORED;

-- MARK: run numbers
--
-- Adding the column above rebuilds every index of task_runs, and the rebuilt indexes changed
-- which one the run-number trigger's max(run_number) was planned on while the table was still
-- small: (task_id, status, created_at), whose whole range for the task it then read for every
-- new run, so a COPY of 100,000 runs of one task took quadratic time. Asking for the newest
-- number in the (task_id, run_number) index's own order leaves no other index as cheap.
CREATE OR REPLACE FUNCTION taskdash_assign_run_number() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tasks WHERE id = NEW.task_id FOR NO KEY UPDATE;
  NEW.run_number := coalesce(
    (SELECT r.run_number FROM task_runs r WHERE r.task_id = NEW.task_id ORDER BY r.run_number DESC LIMIT 1), 0) + 1;
  RETURN NEW;
END;
$$;
