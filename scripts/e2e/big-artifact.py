#!/usr/bin/env python3
"""A 100 MB log artifact on a run of its own, for scripts/e2e/big-artifact.sh.

  big-artifact.py sqlite PATH   inserts it into a migrated (and seeded) SQLite file
  big-artifact.py postgres      prints SQL that builds it on the server, for psql

The task "big artifact" (newest) has one run with one artifact, "big.log": 1,310,720 lines of
80 bytes (100 MiB), log-like text. Hostile lines are sprinkled in (near the start, around the
middle, near the end and every 100,000 lines): an OSC title, a clear-screen and a cursor-move
CSI, a status query, a C1 CSI, CR, BS, and invalid UTF-8 (SQLite; PostgreSQL text cannot hold
it, so an OSC 52 clipboard write stands in). Unique markers: line 3, the middle line and the
very last line (no newline after it). Both backends get the same bytes but for that one
payload.
"""
import datetime
import sqlite3
import sys
import uuid

LINES = 1_310_720
WIDTH = 79
MIDDLE = LINES // 2
ESC = b"\x1b"
MARKERS = {
    3: b"BIG-MARKER-START the first marker line",
    MIDDLE: b"BIG-MARKER-MIDDLE the middle marker line",
    LINES: b"BIG-MARKER-END the very last line",
}
HOSTILE = [
    ESC + b"]0;pwned-big\x07title-big",
    ESC + b"[2Jcleared-big",
    ESC + b"[9999;9999Hmoved-big",
    ESC + b"[6nquery-big",
    "\u009b2Jc1-big".encode(),
    b"visible\rHIDDEN-big",
    b"abc\b\b\bXYZ-big",
    None,  # invalid UTF-8 (SQLite) or an OSC 52 clipboard write (PostgreSQL)
]
INVALID = b"bad \xff\xfe\xc0\xaf utf8-big"
CLIPBOARD = ESC + b"]52;c;cHduZWQ=\x07clip-big"


def special_lines(backend):
    """{line number: bytes} for every line that is not ordinary log text."""
    out = {}
    starts = [5, MIDDLE + 2, LINES - 10] + list(range(100_000, LINES - 20, 100_000))
    for start in starts:
        for index, payload in enumerate(HOSTILE):
            if payload is None:
                payload = INVALID if backend == "sqlite" else CLIPBOARD
            out[start + index] = b"H%07d hostile %s end" % (start + index, payload)
    out.update(MARKERS)
    return out


def ordinary(n):
    """Line n (1-based) of log text, WIDTH bytes; postgres_sql builds the same text."""
    second = n // 20
    text = "L%07d 2024-05-01T%02d:%02d:%02d INFO worker-%02d batch %07d: processed %04d items" % (
        n, second // 3600 % 24, second // 60 % 60, second % 60, n % 16, n * 7 % 10_000_000, n % 1000)
    return text.ljust(WIDTH, ".").encode()


def content(backend):
    special = special_lines(backend)
    return b"\n".join(special.get(n) or ordinary(n) for n in range(1, LINES + 1))


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def sqlite_main(path):
    now = datetime.datetime.now(datetime.timezone.utc)
    task, run = str(uuid.uuid4()), str(uuid.uuid4())
    database = sqlite3.connect(path)
    database.execute(
        "INSERT INTO tasks (id, name, status, created_at, updated_at) VALUES (?, 'big artifact', 'running', ?, ?)",
        [task, stamp(now), stamp(now)])
    database.execute(
        "INSERT INTO task_runs (id, task_id, status, started_at, created_at, updated_at)"
        " VALUES (?, ?, 'running', ?, ?, ?)", [run, task, stamp(now), stamp(now), stamp(now)])
    # The tables are STRICT: the bytes go in as TEXT, invalid UTF-8 and all.
    database.execute(
        "INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content_type, content,"
        " created_at, updated_at) VALUES (?, ?, ?, 'big.log', 'log', 'text/plain', CAST(? AS TEXT), ?, ?)",
        [str(uuid.uuid4()), task, run, content("sqlite"), stamp(now), stamp(now)])
    database.commit()
    database.close()


def postgres_sql():
    # The same text as ordinary(n), built on the server.
    line = (
        "rpad('L' || lpad(g.n::text, 7, '0') || ' 2024-05-01T' || lpad((g.n / 20 / 3600 % 24)::text, 2, '0')"
        " || ':' || lpad((g.n / 20 / 60 % 60)::text, 2, '0') || ':' || lpad((g.n / 20 % 60)::text, 2, '0')"
        " || ' INFO worker-' || lpad((g.n % 16)::text, 2, '0') || ' batch ' || lpad((g.n * 7 % 10000000)::text, 7, '0')"
        " || ': processed ' || lpad((g.n % 1000)::text, 4, '0') || ' items', WIDTH, '.')").replace("WIDTH", str(WIDTH))
    specials = ", ".join(
        "(%d, convert_from(decode('%s', 'hex'), 'UTF8'))" % (n, text.hex())
        for n, text in sorted(special_lines("postgres").items()))
    task, run = uuid.uuid4(), uuid.uuid4()
    return "\n".join([
        "BEGIN;",
        "INSERT INTO tasks (id, name, status) VALUES ('%s', 'big artifact', 'running');" % task,
        "INSERT INTO task_runs (id, task_id, status, started_at) VALUES ('%s', '%s', 'running', now());" % (run, task),
        "INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content_type, content)",
        "SELECT gen_random_uuid(), '%s', '%s', 'big.log', 'log', 'text/plain'," % (task, run),
        "       string_agg(coalesce(s.line, " + line + "), E'\\n' ORDER BY g.n)",
        "  FROM generate_series(1, %d) AS g(n) LEFT JOIN (VALUES %s) AS s(n, line) ON s.n = g.n;" % (LINES, specials),
        "COMMIT;",
    ])


if __name__ == "__main__":
    if sys.argv[1:2] == ["sqlite"] and len(sys.argv) == 3:
        sqlite_main(sys.argv[2])
    elif sys.argv[1:] == ["postgres"]:
        print(postgres_sql())
    else:
        sys.exit("usage: big-artifact.py sqlite PATH | postgres")
