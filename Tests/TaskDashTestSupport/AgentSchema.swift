/// The four tables as the agent system's SQLAlchemy models create them (`create_all`, as
/// compiled for each dialect from scripts/agent-system/models.py), so that Swift tests can make
/// an external schema without Python: native enums of member names, `json`, `uuid` and
/// `timestamptz` on PostgreSQL; CHAR(32) ids, VARCHAR statuses and DATETIME text on SQLite.
/// `max_rounds` and `memory_size` are nullable here, as taskdash's fixtures leave them empty.
public enum AgentSchema {
  /// The PostgreSQL DDL, in the session's current schema.
  public static let postgres = """
    CREATE TYPE taskstatus AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'PAUSED');
    CREATE TYPE runstatus AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT');
    CREATE TYPE metrictype AS ENUM ('COUNTER', 'GAUGE', 'HISTOGRAM', 'TIMER');
    CREATE TYPE artifacttype AS ENUM ('REPORT', 'DATA', 'LOG', 'CONFIG', 'CODE', 'IMAGE', 'OTHER');
    CREATE TABLE tasks (
      id UUID NOT NULL, name VARCHAR(255) NOT NULL, description TEXT, config JSON, status taskstatus NOT NULL,
      max_rounds INTEGER, memory_size INTEGER, total_runs INTEGER NOT NULL, successful_runs INTEGER NOT NULL,
      failed_runs INTEGER NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
      updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (id));
    CREATE INDEX ix_tasks_status ON tasks (status);
    CREATE INDEX ix_tasks_name ON tasks (name);
    CREATE TABLE task_runs (
      id UUID NOT NULL, task_id UUID NOT NULL, run_number INTEGER NOT NULL, status runstatus NOT NULL, plan JSON,
      results JSON, started_at TIMESTAMP WITH TIME ZONE, completed_at TIMESTAMP WITH TIME ZONE, duration FLOAT,
      error_message TEXT, error_details JSON, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
      updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (id),
      CONSTRAINT uq_task_runs_task_id_run_number UNIQUE (task_id, run_number),
      FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE);
    CREATE INDEX ix_task_runs_status ON task_runs (status);
    CREATE INDEX ix_task_runs_task_id ON task_runs (task_id);
    CREATE TABLE artifacts (
      id UUID NOT NULL, task_id UUID, task_run_id UUID, name VARCHAR(255) NOT NULL,
      artifact_type artifacttype NOT NULL, file_path VARCHAR(1024), file_size BIGINT, file_hash VARCHAR(64),
      content_type VARCHAR(255), content TEXT, metadata JSON, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
      updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (id),
      FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
      FOREIGN KEY (task_run_id) REFERENCES task_runs (id) ON DELETE CASCADE);
    CREATE INDEX ix_artifacts_task_run_id ON artifacts (task_run_id);
    CREATE INDEX ix_artifacts_artifact_type ON artifacts (artifact_type);
    CREATE INDEX ix_artifacts_task_id ON artifacts (task_id);
    CREATE TABLE metric_snapshots (
      id UUID NOT NULL, task_id UUID, task_run_id UUID, name VARCHAR(255) NOT NULL, metric_type metrictype NOT NULL,
      value FLOAT NOT NULL, unit VARCHAR(50), labels JSON, timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
      PRIMARY KEY (id), FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
      FOREIGN KEY (task_run_id) REFERENCES task_runs (id) ON DELETE CASCADE);
    CREATE INDEX ix_metric_snapshots_name ON metric_snapshots (name);
    CREATE INDEX ix_metric_snapshots_task_run_id ON metric_snapshots (task_run_id);
    CREATE INDEX ix_metric_snapshots_task_id ON metric_snapshots (task_id);
    CREATE INDEX ix_metric_snapshots_timestamp ON metric_snapshots (timestamp);
    CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, PRIMARY KEY (version_num));
    """

  /// The SQLite DDL, in the main database.
  public static let sqlite = """
    CREATE TABLE tasks (
      id CHAR(32) NOT NULL, name VARCHAR(255) NOT NULL, description TEXT, config JSON, status VARCHAR(9) NOT NULL,
      max_rounds INTEGER, memory_size INTEGER, total_runs INTEGER NOT NULL, successful_runs INTEGER NOT NULL,
      failed_runs INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, PRIMARY KEY (id));
    CREATE INDEX ix_tasks_status ON tasks (status);
    CREATE INDEX ix_tasks_name ON tasks (name);
    CREATE TABLE task_runs (
      id CHAR(32) NOT NULL, task_id CHAR(32) NOT NULL, run_number INTEGER NOT NULL, status VARCHAR(9) NOT NULL,
      "plan" JSON, results JSON, started_at DATETIME, completed_at DATETIME, duration FLOAT, error_message TEXT,
      error_details JSON, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, PRIMARY KEY (id),
      CONSTRAINT uq_task_runs_task_id_run_number UNIQUE (task_id, run_number),
      FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE);
    CREATE INDEX ix_task_runs_status ON task_runs (status);
    CREATE INDEX ix_task_runs_task_id ON task_runs (task_id);
    CREATE TABLE artifacts (
      id CHAR(32) NOT NULL, task_id CHAR(32), task_run_id CHAR(32), name VARCHAR(255) NOT NULL,
      artifact_type VARCHAR(6) NOT NULL, file_path VARCHAR(1024), file_size BIGINT, file_hash VARCHAR(64),
      content_type VARCHAR(255), content TEXT, metadata JSON, created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL, PRIMARY KEY (id),
      FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
      FOREIGN KEY (task_run_id) REFERENCES task_runs (id) ON DELETE CASCADE);
    CREATE INDEX ix_artifacts_task_run_id ON artifacts (task_run_id);
    CREATE INDEX ix_artifacts_artifact_type ON artifacts (artifact_type);
    CREATE INDEX ix_artifacts_task_id ON artifacts (task_id);
    CREATE TABLE metric_snapshots (
      id CHAR(32) NOT NULL, task_id CHAR(32), task_run_id CHAR(32), name VARCHAR(255) NOT NULL,
      metric_type VARCHAR(9) NOT NULL, value FLOAT NOT NULL, unit VARCHAR(50), labels JSON,
      timestamp DATETIME NOT NULL, PRIMARY KEY (id),
      FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
      FOREIGN KEY (task_run_id) REFERENCES task_runs (id) ON DELETE CASCADE);
    CREATE INDEX ix_metric_snapshots_name ON metric_snapshots (name);
    CREATE INDEX ix_metric_snapshots_task_run_id ON metric_snapshots (task_run_id);
    CREATE INDEX ix_metric_snapshots_task_id ON metric_snapshots (task_id);
    CREATE INDEX ix_metric_snapshots_timestamp ON metric_snapshots (timestamp);
    CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, PRIMARY KEY (version_num));
    """
}
