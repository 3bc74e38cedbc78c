-- PostgreSQL's 0009 makes its rollup recount use the series' indexes. SQLite recounts nothing
-- when a row changes (it marks the minute stale, and the chart reads that minute's points), so
-- there is nothing to change here.
SELECT 1;
