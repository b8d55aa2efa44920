#!/usr/bin/env python3
"""Archive audit: copydesk over many articles on a Dask cluster.

Reads articles (a directory of .txt/.md files, searched recursively, or a JSONL file of
{"path", "text"} objects), sends them in batches to `copydesk check --stdin-jsonl` on the Dask
workers, and writes
  OUT/articles.jsonl  one line per article, in input order: copydesk's result object, or
                      {"path", "error"} when the article could not be checked;
  OUT/summary.tsv     per article: path, speech quotes, unattributed quotes, name warnings;
  OUT/summary.json    the totals.
Without --scheduler it starts a local cluster on this machine (a scheduler and two worker
processes); with --scheduler tcp://HOST:8786 it uses a running cluster, whose workers must be
able to run the copydesk given by --copydesk.

usage: audit.py INPUT OUT [--scheduler ADDRESS] [--copydesk PATH] [--batch N] [--workers N]
"""
import argparse
import json
import os
import subprocess
import sys

from dask.distributed import Client, LocalCluster, as_completed


def read_articles(source):
    """(path, text) pairs in a stable order."""
    if os.path.isdir(source):
        for root, dirs, files in os.walk(source):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".txt", ".md", ".markdown")):
                    path = os.path.join(root, name)
                    with open(path, encoding="utf-8", errors="replace") as f:
                        yield path, f.read()
    else:
        with open(source, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    o = json.loads(line)
                    yield o["path"], o["text"]


def batches(articles, size):
    batch = []
    for a in articles:
        batch.append(a)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def check_batch(copydesk, batch):
    """Runs on a worker: one copydesk process for the batch. Returns its result lines and a
    summary row per article."""
    lines_in = "".join(json.dumps({"path": p, "text": t}) + "\n" for p, t in batch)
    proc = subprocess.run([copydesk, "check", "--no-config", "--stdin-jsonl", "--jobs", "1"],
                          input=lines_in.encode(), capture_output=True)
    lines = proc.stdout.decode().splitlines()
    if len(lines) != len(batch):  # copydesk itself failed: say so for every article of the batch
        why = "copydesk exited %d: %s" % (proc.returncode, proc.stderr.decode().strip()[:200])
        lines = [json.dumps({"path": p, "error": why}) for p, _ in batch]
    rows = []
    for line in lines:
        o = json.loads(line)
        diags = o.get("diagnostics", [])
        rows.append((o.get("path"), "error" in o,
                     sum(q["kind"] == "speech" for q in o.get("quotes", [])),
                     sum(d.get("code") == "quote.unattributed" for d in diags),
                     sum(d.get("code", "").startswith("name.") for d in diags)))
    return lines, rows


def main():
    ap = argparse.ArgumentParser(description="copydesk over an archive, on Dask")
    ap.add_argument("input", help="a directory of articles, or a JSONL file of {path, text}")
    ap.add_argument("out", help="directory for articles.jsonl, summary.tsv and summary.json")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    ap.add_argument("--copydesk", default="copydesk", help="the copydesk binary, as the workers see it")
    ap.add_argument("--batch", type=int, default=500, help="articles per task")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    # A bounded number of batches in flight, so that an archive never sits in memory at once;
    # results are written in input order.
    in_flight = max(2, 2 * len(client.scheduler_info()["workers"]))
    todo = batches(read_articles(a.input), a.batch)
    pending, done, next_out, index_of = as_completed(), {}, 0, {}
    totals = {"articles": 0, "failed": 0, "quotes": 0, "unattributed": 0, "name_warnings": 0}
    with open(os.path.join(a.out, "articles.jsonl"), "w") as out, \
            open(os.path.join(a.out, "summary.tsv"), "w") as tsv:
        tsv.write("path\tquotes\tunattributed\tname_warnings\n")
        submitted = 0
        for _ in range(in_flight):
            b = next(todo, None)
            if b is None:
                break
            f = client.submit(check_batch, a.copydesk, b, pure=False)
            index_of[f.key] = submitted
            pending.add(f)
            submitted += 1
        for f in pending:
            done[index_of.pop(f.key)] = f.result()
            f.release()
            while next_out in done:
                lines, rows = done.pop(next_out)
                next_out += 1
                for line in lines:
                    out.write(line + "\n")
                for path, failed, quotes, unattributed, names in rows:
                    totals["articles"] += 1
                    totals["failed"] += failed
                    totals["quotes"] += quotes
                    totals["unattributed"] += unattributed
                    totals["name_warnings"] += names
                    tsv.write("%s\t%d\t%d\t%d\n" % (path, quotes, unattributed, names))
            b = next(todo, None)
            if b is not None:
                nf = client.submit(check_batch, a.copydesk, b, pure=False)
                index_of[nf.key] = submitted
                pending.add(nf)
                submitted += 1
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(totals, f, indent=1)
        f.write("\n")
    client.close()
    if cluster:
        cluster.close()
    print(json.dumps(totals))
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
