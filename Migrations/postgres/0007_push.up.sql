-- Push: every statement that changes one of the four tables notifies the channel `taskdash`
-- with the table's name, so a dashboard that LISTENs reads that table again at once instead of
-- waiting for its next poll.
--
-- The triggers are per statement, never per row: a 100,000-row INSERT or a 500,000-row COPY
-- sends one notification, and PostgreSQL folds identical notifications of one transaction
-- into one, so a writer's transaction of many statements on one table still sends one. The
-- payload is only the table's name: which rows changed is for the reader to find out, and a
-- name is far below the 8000-byte payload limit whatever the statement did. A statement
-- trigger fires even when the statement changed no row (an UPDATE that matched nothing, the
-- DELETE a task's deletion cascades to): that costs a reader one needless read, while telling
-- empty statements apart would need a transition table per event.
--
-- They are separate from the run counters (0001) and the metric rollups (0006), which are
-- statement triggers on the same tables: dropping push leaves those untouched.
CREATE FUNCTION taskdash_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('taskdash', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER tasks_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_notify_change();
CREATE TRIGGER task_runs_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_runs
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_notify_change();
CREATE TRIGGER metric_snapshots_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON metric_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_notify_change();
CREATE TRIGGER artifacts_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON artifacts
  FOR EACH STATEMENT EXECUTE FUNCTION taskdash_notify_change();
