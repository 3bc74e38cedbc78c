-- 0007_push.up.sql created nothing on SQLite, so there is nothing to drop.
SELECT 1;
