"""Checks the bytes a program wrote to its terminal (a `tmux pipe-pane` recording).

Usage: stream-check.py FILE [--utf8] [--planted BYTES...]

Fails, naming the first offence of each kind, when the recording is under 1,000 bytes (it did
not record), or holds an OSC, DCS, APC, PM or SOS sequence, a device status query, a C1
control or a bell; with --utf8 also invalid UTF-8; and any of the planted byte strings (given
with Python escapes, e.g. '\\x1b]0;pwned'). curses' own CSI sequences are fine.
"""
import re
import sys

arguments = sys.argv[1:]
path = arguments.pop(0)
strict = "--utf8" in arguments
planted = arguments[arguments.index("--planted") + 1:] if "--planted" in arguments else []
data = open(path, "rb").read()
problems = []
if len(data) < 1000:
    problems.append("only %d bytes recorded" % len(data))
for text in planted:
    needle = text.encode("latin-1").decode("unicode_escape").encode("latin-1")
    if needle in data:
        problems.append("planted %r reached the terminal" % needle)
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as error:
    if strict:
        problems.append("invalid UTF-8 at %d" % error.start)
    text = data.decode("utf-8", "replace")
for name, pattern in [("OSC/DCS/APC/PM/SOS", "\x1b[\\]P_^X]"), ("status query", "\x1b\\[[0-9;]*n"),
                      ("C1 control", "[\x80-\x9f]"), ("bell", "\x07")]:
    found = re.search(pattern, text)
    if found:
        problems.append("%s at %d: %r" % (name, found.start(), text[max(0, found.start() - 20):found.end() + 20]))
if problems:
    print("\n".join(problems), file=sys.stderr)
sys.exit(1 if problems else 0)
