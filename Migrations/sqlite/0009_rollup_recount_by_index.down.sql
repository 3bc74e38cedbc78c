-- Nothing to undo: the up migration changed nothing on SQLite.
SELECT 1;
