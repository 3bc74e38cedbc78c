-- Nothing to undo: see 0002_page_indexes.up.sql.
SELECT 1;
