-- Push (PostgreSQL's 0007 notifies a channel on every statement that changes a table): SQLite
-- has no LISTEN/NOTIFY and no other process to tell, so there is nothing to create. Instead a
-- dashboard on SQLite asks `PRAGMA data_version` before each poll, which changes on its own
-- connection whenever another connection committed, and reads nothing when it has not.
SELECT 1;
