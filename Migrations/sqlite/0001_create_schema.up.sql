-- taskdash schema, SQLite dialect.
--
-- Conventions every writer must follow (the CHECKs below enforce them):
--   * ids are canonical lowercase uuid text (36 characters, hex digits and dashes);
--   * times are UTC text in the sortable form YYYY-MM-DDTHH:MM:SS.SSSZ, so that text order is
--     time order and keyset pages over (created_at, id) are index range scans;
--   * JSON columns hold valid JSON; config, labels and metadata hold JSON objects.
-- STRICT tables reject values of the wrong storage class (a blob in a text column, text in an
-- integer column), which keeps every other writer honest too.
--
-- Large values come last in each table (JSON documents of runs, labels, artifact content). A
-- record stores its values in column order and spills the tail to a chain of overflow pages;
-- a column after a 100 MB content would cost a walk of that whole chain to read.

CREATE TABLE tasks (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-f-]*'),
  name TEXT NOT NULL,
  description TEXT,
  config TEXT DEFAULT '{}'
    CHECK (config IS NULL OR CASE WHEN json_valid(config) THEN json_type(config) = 'object' ELSE 0 END),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled', 'paused')),
  max_rounds INTEGER,
  memory_size INTEGER,
  total_runs INTEGER NOT NULL DEFAULT 0,
  successful_runs INTEGER NOT NULL DEFAULT 0,
  failed_runs INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z')
) STRICT;

CREATE TABLE task_runs (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-f-]*'),
  task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  run_number INTEGER,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled', 'timeout')),
  started_at TEXT
    CHECK (started_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  completed_at TEXT
    CHECK (completed_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  duration REAL,
  error_message TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  plan TEXT CHECK (plan IS NULL OR json_valid(plan)),
  results TEXT CHECK (results IS NULL OR json_valid(results)),
  error_details TEXT CHECK (error_details IS NULL OR json_valid(error_details)),
  UNIQUE (task_id, run_number)
) STRICT;

CREATE TABLE metric_snapshots (
  id INTEGER PRIMARY KEY,
  task_id TEXT REFERENCES tasks (id) ON DELETE CASCADE,
  task_run_id TEXT REFERENCES task_runs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  metric_type TEXT NOT NULL CHECK (metric_type IN ('counter', 'gauge', 'histogram', 'timer')),
  value REAL NOT NULL,
  unit TEXT,
  timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  labels TEXT DEFAULT '{}'
    CHECK (labels IS NULL OR CASE WHEN json_valid(labels) THEN json_type(labels) = 'object' ELSE 0 END)
) STRICT;

CREATE TABLE artifacts (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9a-f-]*'),
  task_id TEXT REFERENCES tasks (id) ON DELETE CASCADE,
  task_run_id TEXT REFERENCES task_runs (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  artifact_type TEXT NOT NULL
    CHECK (artifact_type IN ('report', 'data', 'log', 'config', 'code', 'image', 'other')),
  file_path TEXT,
  file_size INTEGER,
  file_hash TEXT,
  content_type TEXT,
  metadata TEXT DEFAULT '{}'
    CHECK (metadata IS NULL OR CASE WHEN json_valid(metadata) THEN json_type(metadata) = 'object' ELSE 0 END),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'),
  content TEXT
) STRICT;

-- Every read of the dashboard is a range scan of one of these, in its ORDER BY order, with a
-- LIMIT. Each foreign key column leads an index, so cascading deletes never scan a table.
-- The indexes are ascending although the reads are newest first: SQLite walks an index
-- backwards at no cost, and new rows (ever later times) then land at the right edge of each
-- index, where B-tree pages fill up; a DESC index would take them at its left edge, leaving
-- pages half empty and making bulk inserts more than twice as slow.
CREATE INDEX tasks_name ON tasks (name);
CREATE INDEX tasks_status_name ON tasks (status, name);
CREATE INDEX task_runs_created ON task_runs (created_at, id);
CREATE INDEX task_runs_task_created ON task_runs (task_id, created_at, id);
CREATE INDEX task_runs_status_created ON task_runs (status, created_at, id);
CREATE INDEX task_runs_task_status_created ON task_runs (task_id, status, created_at, id);
CREATE INDEX metric_snapshots_run_name_time ON metric_snapshots (task_run_id, name, timestamp, id);
CREATE INDEX metric_snapshots_task_name_time ON metric_snapshots (task_id, name, timestamp, id);
CREATE INDEX artifacts_created ON artifacts (created_at, id);
CREATE INDEX artifacts_task_created ON artifacts (task_id, created_at, id);
CREATE INDEX artifacts_run_created ON artifacts (task_run_id, created_at, id);

-- run_number: a run inserted without one gets max + 1 of its task. Writers serialise on the
-- database's single write lock, so two writers never compute the same number.
CREATE TRIGGER task_runs_assign_run_number
AFTER INSERT ON task_runs
WHEN NEW.run_number IS NULL
BEGIN
  UPDATE task_runs
  SET run_number = (
    SELECT coalesce(max(run_number), 0) + 1 FROM task_runs WHERE task_id = NEW.task_id
  )
  WHERE rowid = NEW.rowid;
END;

-- Counters: total_runs counts every run, successful_runs the completed ones, failed_runs the
-- failed and timed-out ones. The dashboard never counts runs at query time.
CREATE TRIGGER task_runs_count_insert
AFTER INSERT ON task_runs
BEGIN
  UPDATE tasks
  SET total_runs = total_runs + 1,
    successful_runs = successful_runs + (NEW.status = 'completed'),
    failed_runs = failed_runs + (NEW.status IN ('failed', 'timeout'))
  WHERE id = NEW.task_id;
END;

-- A changed status (or a run moved to another task) leaves the old task's counters and enters
-- the new one's; for a status change within one task the total nets to zero.
CREATE TRIGGER task_runs_count_update
AFTER UPDATE OF status, task_id ON task_runs
WHEN OLD.status IS NOT NEW.status OR OLD.task_id IS NOT NEW.task_id
BEGIN
  UPDATE tasks
  SET total_runs = total_runs - 1,
    successful_runs = successful_runs - (OLD.status = 'completed'),
    failed_runs = failed_runs - (OLD.status IN ('failed', 'timeout'))
  WHERE id = OLD.task_id;
  UPDATE tasks
  SET total_runs = total_runs + 1,
    successful_runs = successful_runs + (NEW.status = 'completed'),
    failed_runs = failed_runs + (NEW.status IN ('failed', 'timeout'))
  WHERE id = NEW.task_id;
END;

CREATE TRIGGER task_runs_count_delete
AFTER DELETE ON task_runs
BEGIN
  UPDATE tasks
  SET total_runs = total_runs - 1,
    successful_runs = successful_runs - (OLD.status = 'completed'),
    failed_runs = failed_runs - (OLD.status IN ('failed', 'timeout'))
  WHERE id = OLD.task_id;
END;

-- updated_at: set on an edit unless the writer set it itself. The column lists leave out the
-- derived columns (counters, run_number), so trigger bookkeeping never looks like an edit and
-- the inner UPDATE (of updated_at only) cannot fire these triggers again.
CREATE TRIGGER tasks_touch_updated_at
AFTER UPDATE OF id, name, description, config, status, max_rounds, memory_size ON tasks
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE tasks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER task_runs_touch_updated_at
AFTER UPDATE OF id, task_id, status, plan, results, started_at, completed_at, duration,
  error_message, error_details ON task_runs
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE task_runs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER artifacts_touch_updated_at
AFTER UPDATE OF id, task_id, task_run_id, name, artifact_type, file_path, file_size, file_hash,
  content_type, content, metadata ON artifacts
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE artifacts SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid;
END;
