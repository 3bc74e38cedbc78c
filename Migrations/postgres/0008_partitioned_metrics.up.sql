-- metric_snapshots becomes range-partitioned by "timestamp", one partition per UTC day, so that
-- retention drops whole days instead of deleting rows one by one, and a time-bounded read opens
-- only the days it asks for.
--
-- Why days and not weeks: at the scale taskdash is built for (10,000,000 snapshots, and the
-- retention the seeds ask for, 30 days) a day holds a few hundred thousand rows, tens of MB with
-- their indexes; a cutoff then falls inside one day, so the batched delete at the edge of a prune
-- touches at most a day of rows, not a week. Thirty to a few hundred partitions cost the planner
-- little when every read is time-bounded and pruned.
--
-- The table is converted in place, without copying a row inside a lock. The rows already
-- written stay in their table, which becomes the partition metric_snapshots_p0 covering
-- (MINVALUE, B): B is the first UTC midnight after every existing row and after tomorrow, and a
-- validated CHECK constraint proves the range, so ATTACH does not scan it. The steps before the
-- last run in their own transactions (a line "-- taskdash:commit" ends each one) and only take
-- locks that let writers go on: the constraint is added NOT VALID (a moment's lock), validated
-- under SHARE UPDATE EXCLUSIVE, and the unique index the new primary key needs is built
-- CONCURRENTLY. Each of them may run again after a failure of a later step: `migrate up` again
-- finishes the conversion (until it does, the constraint refuses snapshots from the bound on,
-- a day ahead at least, so finish it or drop metric_snapshots_p0_bound). The last step
-- renames, creates the parent and attaches in a moment, with the history row. On an empty
-- table (a new database) there is nothing to keep, and the parent starts with day partitions.
--
-- Uniqueness of id: a primary key of a partitioned table must contain the partition key, so it
-- is (id, "timestamp"). The id is GENERATED ALWAYS now: every id comes from the one identity
-- sequence, which never hands out a number twice, and an insert that names an id is refused
-- (unless it says OVERRIDING SYSTEM VALUE on purpose), so ids stay unique across partitions.
-- Writers that leave id out, as the agent system's models and taskdash do, insert as before.

-- The bound of the rows already written: a midnight after every one of them. Reading max()
-- scans the table without blocking writers; the constraint itself is then added in a moment.
-- Rows written from here on must fall below the bound (a day ahead at least) until the last
-- step has attached the partitions that follow it.
DO $$
DECLARE
  bound timestamptz;
BEGIN
  -- Added by an earlier attempt whose later step failed: keep it, and its bound.
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'metric_snapshots_p0_bound') THEN
    RETURN;
  END IF;
  SELECT (date_trunc('day', greatest(max("timestamp"), now() + interval '1 day') AT TIME ZONE 'UTC')
          + interval '1 day') AT TIME ZONE 'UTC'
    INTO bound FROM metric_snapshots;
  EXECUTE format('ALTER TABLE metric_snapshots ADD CONSTRAINT metric_snapshots_p0_bound CHECK ("timestamp" < %L) NOT VALID',
                 bound);
END;
$$;
-- taskdash:commit
ALTER TABLE metric_snapshots VALIDATE CONSTRAINT metric_snapshots_p0_bound;
-- taskdash:commit
DROP INDEX CONCURRENTLY IF EXISTS metric_snapshots_p0_pkey;
-- taskdash:commit
CREATE UNIQUE INDEX CONCURRENTLY metric_snapshots_p0_pkey ON metric_snapshots (id, "timestamp");
-- taskdash:commit

-- MARK: the partitioned table

-- The partitions of one UTC day each from the day of `since` through the day of `through`, that
-- are missing: what the migration creates ahead and what taskdash's writers and `taskdash
-- maintain` call. Rows of such a day that had landed in the default partition move into the new
-- partition (a move within the table: no rollup changes). Days that the first partition already
-- covers are skipped.
CREATE FUNCTION taskdash_ensure_metric_partitions(since timestamptz, through timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  first_day timestamptz := date_trunc('day', since AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  day timestamptz;
  covered timestamptz;
  partition_name text;
  created integer := 0;
BEGIN
  SELECT taskdash_metric_partition_upper(c.oid) INTO covered
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent = 'metric_snapshots'::regclass AND c.relname = 'metric_snapshots_p0';
  IF covered IS NOT NULL AND first_day < covered THEN
    first_day := covered;
  END IF;
  day := first_day;
  WHILE day <= through LOOP
    partition_name := 'metric_snapshots_p' || to_char(day AT TIME ZONE 'UTC', 'YYYYMMDD');
    IF to_regclass(partition_name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE metric_snapshots INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                     partition_name);
      EXECUTE format('WITH moved AS (DELETE FROM metric_snapshots_default WHERE "timestamp" >= %L AND "timestamp" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                     day, day + interval '1 day', partition_name);
      EXECUTE format('ALTER TABLE metric_snapshots ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                     partition_name, day, day + interval '1 day');
      created := created + 1;
    END IF;
    day := day + interval '1 day';
  END LOOP;
  RETURN created;
END;
$$;

-- The upper bound of a range partition of metric_snapshots, NULL for the default partition.
CREATE FUNCTION taskdash_metric_partition_upper(partition oid) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT (regexp_match(pg_get_expr(relpartbound, oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz
    FROM pg_class WHERE oid = partition
$$;

-- The rows already written become the first partition, with their indexes, constraints and
-- foreign keys: ATTACH matches each index and foreign key of the parent with the partition's
-- own (same columns, same kind), so nothing is built or checked again. Their names move aside so
-- that the parent's keep the names the reads and the plan tests know.
ALTER TABLE metric_snapshots RENAME TO metric_snapshots_p0;
ALTER SEQUENCE metric_snapshots_id_seq RENAME TO metric_snapshots_p0_id_seq;
-- The unique (id, "timestamp") index built above takes over from the primary key on id alone.
ALTER TABLE metric_snapshots_p0 DROP CONSTRAINT metric_snapshots_pkey;
ALTER INDEX metric_snapshots_run_name_time_idx RENAME TO metric_snapshots_p0_run_name_time_idx;
ALTER INDEX metric_snapshots_task_name_time_idx RENAME TO metric_snapshots_p0_task_name_time_idx;
ALTER INDEX metric_snapshots_labels_idx RENAME TO metric_snapshots_p0_labels_idx;
ALTER INDEX metric_snapshots_run_time_idx RENAME TO metric_snapshots_p0_run_time_idx;
-- The 0006 rollup triggers move to the parent, where they fire once per statement whichever
-- partitions the statement's rows land in.
DROP TRIGGER metric_snapshots_roll_up_insert ON metric_snapshots_p0;
DROP TRIGGER metric_snapshots_roll_up_update ON metric_snapshots_p0;
DROP TRIGGER metric_snapshots_roll_up_delete ON metric_snapshots_p0;
DROP TRIGGER metric_snapshots_roll_up_truncate ON metric_snapshots_p0;
-- So does the 0007 push trigger: a statement trigger of a partition fires only for statements
-- that name the partition itself, never for an insert through the parent.
DROP TRIGGER metric_snapshots_notify ON metric_snapshots_p0;

CREATE TABLE metric_snapshots (
  id bigint GENERATED ALWAYS AS IDENTITY,
  task_id uuid CONSTRAINT metric_snapshots_task_id_fkey REFERENCES tasks (id) ON DELETE CASCADE,
  task_run_id uuid CONSTRAINT metric_snapshots_task_run_id_fkey REFERENCES task_runs (id) ON DELETE CASCADE,
  name text NOT NULL,
  metric_type text NOT NULL CONSTRAINT metric_snapshots_metric_type_check
    CHECK (metric_type IN ('counter', 'gauge', 'histogram', 'timer')),
  value double precision NOT NULL,
  unit text,
  labels jsonb NOT NULL DEFAULT '{}'::jsonb CONSTRAINT metric_snapshots_labels_is_object
    CHECK (jsonb_typeof(labels) = 'object'),
  "timestamp" timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT metric_snapshots_pkey PRIMARY KEY (id, "timestamp")
) PARTITION BY RANGE ("timestamp");

CREATE INDEX metric_snapshots_run_name_time_idx ON metric_snapshots (task_run_id, name, "timestamp" DESC, id DESC);
CREATE INDEX metric_snapshots_task_name_time_idx ON metric_snapshots (task_id, name, "timestamp" DESC, id DESC);
CREATE INDEX metric_snapshots_labels_idx ON metric_snapshots USING gin (labels);
CREATE INDEX metric_snapshots_run_time_idx ON metric_snapshots (task_run_id, "timestamp" DESC);

CREATE TRIGGER metric_snapshots_roll_up_insert AFTER INSERT ON metric_snapshots
  REFERENCING NEW TABLE AS new_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_roll_up_metrics();
CREATE TRIGGER metric_snapshots_roll_up_update AFTER UPDATE ON metric_snapshots
  REFERENCING OLD TABLE AS old_snapshots NEW TABLE AS new_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_roll_up_metrics();
CREATE TRIGGER metric_snapshots_roll_up_delete AFTER DELETE ON metric_snapshots
  REFERENCING OLD TABLE AS old_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_roll_up_metrics();
CREATE TRIGGER metric_snapshots_roll_up_truncate AFTER TRUNCATE ON metric_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_clear_rollups();
CREATE TRIGGER metric_snapshots_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metric_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_notify_change();

-- Attach (or, when it holds nothing, drop) the old table; then the default partition for rows
-- outside every day, and the days from the bound through a week ahead.
DO $$
DECLARE
  bound timestamptz;
  next_id bigint;
BEGIN
  SELECT (regexp_match(pg_get_constraintdef(oid), '< ''([^'']+)''::timestamp'))[1]::timestamptz INTO bound
    FROM pg_constraint WHERE conrelid = 'metric_snapshots_p0'::regclass AND conname = 'metric_snapshots_p0_bound';
  -- The identity continues after every id handed out before: the old sequence's and any
  -- explicit one (found through the index, not a scan).
  SELECT greatest(max(id), (SELECT last_value FROM pg_sequences
                              WHERE schemaname = 'public' AND sequencename = 'metric_snapshots_p0_id_seq'))
    INTO next_id FROM metric_snapshots_p0;
  IF next_id IS NOT NULL THEN
    PERFORM setval(pg_get_serial_sequence('metric_snapshots', 'id'), next_id);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM metric_snapshots_p0) THEN
    DROP TABLE metric_snapshots_p0;
    bound := date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  ELSE
    ALTER TABLE metric_snapshots_p0 ADD CONSTRAINT metric_snapshots_p0_pkey UNIQUE USING INDEX metric_snapshots_p0_pkey;
    ALTER TABLE metric_snapshots_p0 ALTER COLUMN id DROP IDENTITY;
    EXECUTE format('ALTER TABLE metric_snapshots ATTACH PARTITION metric_snapshots_p0 FOR VALUES FROM (MINVALUE) TO (%L)',
                   bound);
  END IF;
END;
$$;

CREATE TABLE metric_snapshots_default PARTITION OF metric_snapshots DEFAULT;

SELECT taskdash_ensure_metric_partitions(now(), now() + interval '7 days');
