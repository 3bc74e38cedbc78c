-- Brings back 0006's recount, one statement over both kinds of series.
CREATE OR REPLACE FUNCTION taskdash_recount_rollups(runs uuid[], tasks uuid[], names text[], minutes timestamptz[])
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
