#!/usr/bin/env python3
"""examples/archive/audit.py on 2,000 generated articles with a local Dask cluster.

Asserts that articles.jsonl holds, in input order, exactly what `copydesk check --stdin-jsonl`
writes for the same input in one process, and that summary.tsv and summary.json count what those
results say. Exits 77 (skipped) when Dask distributed is not installed.
usage: archive_audit.py COPYDESK AUDIT_SCRIPT WORKDIR"""
import json
import os
import random
import shutil
import subprocess
import sys

try:
    import distributed  # noqa: F401
except ImportError:
    print("python3-distributed is not installed (scripts/install-deps.sh installs it)")
    sys.exit(77)

cd, audit, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
rng = random.Random(15)
given = ["Amelia", "Tomasz", "Grace", "Henrik", "Leila", "Marcus", "Ngozi", "Pavel", "Rosa", "Samuel"]
surname = ["Okafor", "Lindqvist", "Marchetti", "Brennan", "Haddad", "Osei", "Moreau", "Petrov"]
with open(os.path.join(work, "input.jsonl"), "w") as f:
    for i in range(2000):
        g, s = rng.choice(given), rng.choice(surname)
        paras = ["Harbour plan %d goes to a vote" % i,
                 "%s %s, the council's treasurer, spoke on Tuesday. \"The numbers add up,\" %s said." % (g, s, s)]
        if i % 3 == 0:
            # nobody on record: a narrative paragraph stands between it and the last speaker, whose
            # words a quote-only paragraph straight after would continue
            paras.append("The vote is set for May.")
            paras.append("\"It will be finished when it is finished.\"")
        if i % 5 == 0:
            paras.append("Later %s said the vote was \"long overdue\"." % (s[:-1] + "u" + s[-1]))  # misspelt
        if i % 7 == 0:
            paras.append("Critics say the plan will raise bills, according to people familiar with it.")
        f.write(json.dumps({"path": "archive/%04d.txt" % i, "text": "\n\n".join(paras) + "\n"}) + "\n")

out = os.path.join(work, "out")
p = subprocess.run([sys.executable, audit, os.path.join(work, "input.jsonl"), out, "--copydesk", cd,
                    "--batch", "250", "--workers", "2"], capture_output=True, text=True, timeout=240)
failures = []
if p.returncode != 0:
    failures.append("audit.py exited %d: %s" % (p.returncode, p.stderr[-2000:]))
else:
    with open(os.path.join(work, "input.jsonl"), "rb") as f:
        direct = subprocess.run([cd, "check", "--no-config", "--stdin-jsonl"], stdin=f,
                                capture_output=True).stdout.decode().splitlines()
    with open(os.path.join(out, "articles.jsonl")) as f:
        got = f.read().splitlines()
    if len(got) != 2000:
        failures.append("articles.jsonl has %d lines, not 2000" % len(got))
    if got != direct:
        failures.append("articles.jsonl differs from copydesk --stdin-jsonl on the same input")
    results = [json.loads(l) for l in direct]
    want = {"articles": len(results), "failed": sum("error" in r for r in results),
            "quotes": sum(q["kind"] == "speech" for r in results for q in r["quotes"]),
            "unattributed": sum(d["code"] == "quote.unattributed" for r in results for d in r["diagnostics"]),
            "name_warnings": sum(d["code"].startswith("name.") for r in results for d in r["diagnostics"])}
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    if summary != want:
        failures.append("summary.json %s, expected %s" % (summary, want))
    if want["unattributed"] == 0 or want["name_warnings"] == 0 or want["quotes"] < 2000:
        failures.append("the generated articles should give quotes, unattributed quotes and name warnings: %s" % want)
    with open(os.path.join(out, "summary.tsv")) as f:
        rows = f.read().splitlines()
    if len(rows) != 2001 or rows[1].split("\t")[0] != "archive/0000.txt":
        failures.append("summary.tsv: %d rows, first %r" % (len(rows), rows[1:2]))
for msg in failures:
    print("FAIL:", msg)
print("ok" if not failures else "%d checks failed" % len(failures))
sys.exit(1 if failures else 0)
