#!/usr/bin/env python3
"""copydesk check on many files at once: --jobs, --format jsonl and --stdin-jsonl.

Asserts that
- the output of every format is the same whatever --jobs is, files in the order given;
- --format jsonl writes one line per path: the object --format json has for that file, or
  {"path", "error"} for a path that could not be read;
- --stdin-jsonl writes one line per input line, in order: the same object as for a file of the
  same path and text, or {"path", "error"} for a line that is not an article object.
usage: batch_check.py COPYDESK FIXTURES_DIR"""
import json
import os
import subprocess
import sys
import tempfile

cd, fixtures = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(args, stdin=None):
    p = subprocess.run([cd, "check", "--no-config"] + args, input=stdin, capture_output=True)
    return p.returncode, p.stdout


articles = sorted(os.path.join(fixtures, f) for f in os.listdir(fixtures) if f.endswith((".txt", ".md")))
check(len(articles) >= 10, "too few fixtures found in %s" % fixtures)
paths = (articles * 3)[:120] + ["no-such-article.txt"] + articles[:5]

for fmt in ("text", "json", "jsonl", "sarif"):
    one = run(["--format", fmt, "--jobs", "1"] + paths)
    for jobs in ("2", "5"):
        many = run(["--format", fmt, "--jobs", jobs] + paths)
        check(one == many, "--format %s: --jobs %s differs from --jobs 1" % (fmt, jobs))
    check(one[0] == 2, "--format %s: an unreadable path must exit 2, got %d" % (fmt, one[0]))

rc, doc = run(["--format", "json"] + paths)
rc, lines = run(["--format", "jsonl"] + paths)
doc = json.loads(doc)
lines = lines.decode().splitlines()
check(len(lines) == len(paths), "jsonl: %d lines for %d paths" % (len(lines), len(paths)))
files = iter(doc["files"])
for path, line in zip(paths, lines):
    obj = json.loads(line)
    if path == "no-such-article.txt":
        check(obj.get("path") == path and "error" in obj, "jsonl: no error line for the missing file")
    else:
        check(obj == next(files), "jsonl: the line for %s differs from its --format json object" % path)

# --stdin-jsonl: the same articles sent as lines, plus lines that are not articles.
inputs = []
for p in articles[:20]:
    with open(p, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        continue  # JSON carries Unicode text: an article with invalid bytes cannot be sent this way
    inputs.append(json.dumps({"path": p, "text": text}))
good = len(inputs)
inputs.insert(3, "not json at all")
inputs.insert(7, json.dumps({"path": "x.txt"}))
inputs.insert(9, "")  # blank lines are skipped
rc, out = run(["--stdin-jsonl", "--jobs", "3"], stdin=("\n".join(inputs) + "\n").encode())
out = [json.loads(l) for l in out.decode().splitlines()]
check(len(out) == good + 2, "stdin-jsonl: %d result lines for %d article lines and 2 bad lines" % (len(out), good))
check(rc == 2, "stdin-jsonl: bad lines must exit 2, got %d" % rc)
check("error" in out[3] and "line 4" in out[3]["error"], "stdin-jsonl: line 4 is not JSON and must say so")
check(out[7].get("path") == "x.txt" and "error" in out[7], "stdin-jsonl: an object without text is an error")
sent = [json.loads(l) for l in inputs if l.startswith("{\"path\"") and "text" in json.loads(l)]
got = [o for o in out if "error" not in o]
rc, direct = run(["--format", "jsonl"] + [s["path"] for s in sent])
direct = [json.loads(l) for l in direct.decode().splitlines()]
check(got == direct, "stdin-jsonl: results differ from checking the same files by path")

for f in failures:
    print("FAIL:", f)
print("%d checks failed" % len(failures) if failures else "ok")
sys.exit(1 if failures else 0)
