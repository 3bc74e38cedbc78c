-- Recounting a minute of a series after an UPDATE or DELETE (0006) reads that minute's points
-- through the series' own index. 0006 chose the series with one CASE over "of a run" and "of a
-- task alone", which no index can answer: each minute was found by reading the minute's whole
-- day partition (0008), about half a millisecond a minute, so a prune by delete spent 5.4 s of
-- each 10,000-row batch here and 25 ms on the delete itself. The two kinds of series are now
-- recounted by two statements, each a range of (task_run_id, name, timestamp) or
-- (task_id, name, timestamp).
CREATE OR REPLACE FUNCTION taskdash_recount_rollups(runs uuid[], tasks uuid[], names text[], minutes timestamptz[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM metric_rollups r
   USING unnest(runs, tasks, names, minutes) k(run, task, name, minute)
   WHERE r.task_run_id = k.run AND r.task_id = k.task AND r.name = k.name AND r.minute = k.minute;
  -- Series of a run.
  INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
  SELECT k.run, k.name, k.minute, k.task, s.points, s.low, s.high, s.first_at, s.last_at
    FROM (SELECT DISTINCT * FROM unnest(runs, tasks, names, minutes) u(run, task, name, minute)
           WHERE run <> '00000000-0000-0000-0000-000000000000') k
   CROSS JOIN LATERAL (
         SELECT count(*) AS points,
                min(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS low,
                max(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS high,
                min(m."timestamp") AS first_at, max(m."timestamp") AS last_at
           FROM metric_snapshots m
          WHERE m.task_run_id = k.run AND m.name = k.name
            AND m."timestamp" >= k.minute AND m."timestamp" < k.minute + interval '1 minute'
            AND coalesce(m.task_id, '00000000-0000-0000-0000-000000000000') = k.task) s
   WHERE s.points > 0;
  -- Series of a task alone (no run).
  INSERT INTO metric_rollups (task_run_id, name, minute, task_id, points, low, high, first_at, last_at)
  SELECT k.run, k.name, k.minute, k.task, s.points, s.low, s.high, s.first_at, s.last_at
    FROM (SELECT DISTINCT * FROM unnest(runs, tasks, names, minutes) u(run, task, name, minute)
           WHERE run = '00000000-0000-0000-0000-000000000000') k
   CROSS JOIN LATERAL (
         SELECT count(*) AS points,
                min(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS low,
                max(m.value) FILTER (WHERE m.value > '-Infinity' AND m.value < 'Infinity') AS high,
                min(m."timestamp") AS first_at, max(m."timestamp") AS last_at
           FROM metric_snapshots m
          WHERE m.task_id = k.task AND m.name = k.name AND m.task_run_id IS NULL
            AND m."timestamp" >= k.minute AND m."timestamp" < k.minute + interval '1 minute') s
   WHERE s.points > 0;
END;
$$;
