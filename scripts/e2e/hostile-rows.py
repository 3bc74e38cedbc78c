#!/usr/bin/env python3
"""Rows written by a hostile or broken writer, for scripts/e2e/hostile-data.sh.

  hostile-rows.py sqlite PATH   inserts them into a migrated SQLite file
  hostile-rows.py postgres      prints SQL that inserts them, for psql

Every task name, run error, metric name and label, artifact name and content carries terminal
control sequences and awkward text. The newest run ("hostile viewer") holds the artifacts the
viewer opens: a binary one (newest), a 10 MB single line, then one per hostile string.
"""
import datetime
import json
import sqlite3
import sys
import uuid

ESC = "\x1b"
PAYLOADS = [
    ("clear", ESC + "[2Jcleared"),
    ("move", ESC + "[10;10Hmoved"),
    ("title", ESC + "]0;pwned\x07title"),
    ("clipboard", ESC + "]52;c;cHduZWQ=\x07clip"),
    ("link", ESC + "]8;;http://pwned.example/" + ESC + "\\link" + ESC + "]8;;" + ESC + "\\"),
    ("query", ESC + "[6nstatus"),
    ("c1csi", "\u009b2J\u009b6nc1"),
    ("return", "visible\rHIDDEN"),
    ("backspace", "abc\b\b\bXYZ"),
    ("bidi", "admin\u202etxt.exe"),
    ("zerowidth", "zero\u200bwidth"),
    ("wide", "漢字テスト🚀👩‍👩‍👧 wide"),
    ("combining", "a" + "\u0301" * 300 + "z"),
    ("tabs", "tab\there\x7fdel"),
]
TEN_MB = 10 * 1024 * 1024
NOW = datetime.datetime.now(datetime.timezone.utc)


def stamp(seconds_ago):
    moment = NOW - datetime.timedelta(seconds=seconds_ago)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def rows():
    """(table, {column: value}) in insertion order; bytes values are binary."""
    out = []
    viewer_task = str(uuid.uuid4())
    viewer_run = str(uuid.uuid4())
    for index, (label, text) in enumerate(PAYLOADS):
        task = str(uuid.uuid4())
        run = str(uuid.uuid4())
        out.append(("tasks", {"id": task, "name": "H%02d %s %s" % (index, label, text), "description": text,
                              "status": "failed", "created_at": stamp(600 + index),
                              "updated_at": stamp(600 + index)}))
        out.append(("task_runs", {"id": run, "task_id": task, "run_number": 1, "status": "failed",
                                  "error_message": "E%02d %s" % (index, text), "started_at": stamp(500 + index),
                                  "completed_at": stamp(400 + index), "duration": 100.0,
                                  "created_at": stamp(500 + index), "updated_at": stamp(400 + index)}))
    out.append(("tasks", {"id": viewer_task, "name": "hostile viewer", "status": "running",
                          "created_at": stamp(300), "updated_at": stamp(300)}))
    out.append(("task_runs", {"id": viewer_run, "task_id": viewer_task, "run_number": 1, "status": "running",
                              "error_message": ESC + "]0;pwned\x07", "started_at": stamp(60),
                              "created_at": stamp(60), "updated_at": stamp(60)}))
    for index, (label, text) in enumerate(PAYLOADS):
        out.append(("metric_snapshots", {"task_id": viewer_task, "task_run_id": viewer_run,
                                         "name": "M%02d %s" % (index, text), "metric_type": "gauge",
                                         "value": float(index), "unit": text,
                                         "labels": json.dumps({text: text}), "timestamp": stamp(30)}))
        content = "\n".join("%s line %d: %s" % (label, line, text) for line in range(40))
        out.append(("artifacts", {"id": str(uuid.uuid4()), "task_id": viewer_task, "task_run_id": viewer_run,
                                  "name": "A%02d %s" % (index, text), "artifact_type": "log",
                                  "content_type": "text/plain", "content": content,
                                  "created_at": stamp(50 - index), "updated_at": stamp(50 - index)}))
    # One line of 10 MB, control sequences all along it; its last 6 KB repeat a marker, so
    # the last display pieces of the line (2 to 4 KB each) start with it.
    chunk = "lorem ipsum " + ESC + "[2J" + ESC + "]0;pwned\x07 "
    tail = "THE-END-MARKER " * 400
    big = (chunk * (TEN_MB // len(chunk) + 1))[:TEN_MB - len(tail)] + tail
    out.append(("artifacts", {"id": str(uuid.uuid4()), "task_id": viewer_task, "task_run_id": viewer_run,
                              "name": "huge single line", "artifact_type": "log", "content_type": "text/plain",
                              "content": big, "created_at": stamp(2), "updated_at": stamp(2)}))
    return out, viewer_task, viewer_run


def sqlite_main(path):
    database = sqlite3.connect(path)
    out, viewer_task, viewer_run = rows()
    for table, values in out:
        columns = ", ".join('"%s"' % column for column in values)
        marks = ", ".join("?" for _ in values)
        database.execute("INSERT INTO %s (%s) VALUES (%s)" % (table, columns, marks), list(values.values()))
    # The tables are STRICT: binary content arrives as TEXT with NUL characters in it.
    binary = "".join(chr(c) for c in range(256)) * 64 + "\x00" * 100 + ESC + "]0;pwned\x07"
    database.execute(
        "INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content, created_at, updated_at)"
        " VALUES (?, ?, ?, 'binary blob', 'data', ?, ?, ?)",
        [str(uuid.uuid4()), viewer_task, viewer_run, binary, stamp(1), stamp(1)])
    # Text that is not UTF-8 at all, stored as TEXT by a careless writer.
    database.execute(
        "INSERT INTO tasks (id, name, description, status, created_at, updated_at)"
        " VALUES (?, CAST(x'4930302062616420fffec0af1b5b324a' AS TEXT), CAST(x'ff' AS TEXT), 'failed', ?, ?)",
        [str(uuid.uuid4()), stamp(700), stamp(700)])
    database.execute(
        "INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content_type, content,"
        " created_at, updated_at) VALUES (?, ?, ?, CAST(x'696e76616c6964ff' AS TEXT), 'log', 'text/plain',"
        " CAST(x'6f6b0affc0af0a1b5d303b70776e6564070a' AS TEXT), ?, ?)",
        [str(uuid.uuid4()), viewer_task, viewer_run, stamp(55), stamp(55)])
    database.commit()
    database.close()


def pg_literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    # Hex through convert_from: no quoting or escaping of control characters can go wrong.
    return "convert_from(decode('%s', 'hex'), 'UTF8')" % value.encode("utf-8").hex()


def postgres_main():
    out, viewer_task, viewer_run = rows()
    casts = {"id": "uuid", "task_id": "uuid", "task_run_id": "uuid", "labels": "jsonb",
             "created_at": "timestamptz", "updated_at": "timestamptz", "started_at": "timestamptz",
             "completed_at": "timestamptz", "timestamp": "timestamptz"}
    print("BEGIN;")
    for table, values in out:
        columns = ", ".join('"%s"' % column for column in values)
        literals = []
        for column, value in values.items():
            literal = pg_literal(value)
            literals.append("(%s)::%s" % (literal, casts[column]) if column in casts else literal)
        print("INSERT INTO %s (%s) VALUES (%s);" % (table, columns, ", ".join(literals)))
    # PostgreSQL text holds no NUL: the binary artifact is declared as such, full of C0 and C1.
    binary = "".join(chr(c) for c in range(1, 32)) + "".join(chr(c) for c in range(0x7f, 0xa0)) + "]0;pwned\x07"
    print("INSERT INTO artifacts (id, task_id, task_run_id, name, artifact_type, content_type, content, created_at,"
          " updated_at) VALUES (gen_random_uuid(), '%s', '%s', 'binary blob', 'data', 'application/octet-stream',"
          " repeat(%s, 200), (%s)::timestamptz, (%s)::timestamptz);"
          % (viewer_task, viewer_run, pg_literal(binary), pg_literal(stamp(1)), pg_literal(stamp(1))))
    print("COMMIT;")


if __name__ == "__main__":
    if sys.argv[1:2] == ["sqlite"]:
        sqlite_main(sys.argv[2])
    elif sys.argv[1:2] == ["postgres"]:
        postgres_main()
    else:
        sys.exit("usage: hostile-rows.py sqlite PATH | postgres")
