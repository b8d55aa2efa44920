#!/usr/bin/env python3
"""Findings per article by rule code, for a directory of articles.

usage: bench/finding_counts.py BINARY DIR [--config FILE] [--show warning|info]

Runs `copydesk check --format json` on DIR/*.txt and DIR/*.md, but README.md (or DIR/text/*.txt),
and prints, for every rule code but quote.attributed, the number of findings and the number per
article. With --config, the articles are checked with that .copydesk.json (linked beside them in a
scratch directory), so that a house style can be compared with the defaults on the same texts. With
--show, each finding of that severity or above is listed too (file, line, code, message), to read
them one by one.
"""
import argparse
import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("dir")
    ap.add_argument("--config")
    ap.add_argument("--show", choices=["error", "warning", "info"])
    a = ap.parse_args()
    # (a directory's README.md describes the articles; it is none of them)
    files = sorted(glob.glob(os.path.join(a.dir, "*.txt")) +
                   [f for f in glob.glob(os.path.join(a.dir, "*.md")) if os.path.basename(f) != "README.md"] or
                   glob.glob(os.path.join(a.dir, "text", "*.txt")))
    if not files:
        sys.exit("no .txt articles in %s" % a.dir)
    scratch = None
    args = ["--no-config"]
    if a.config:
        scratch = tempfile.mkdtemp(prefix="copydesk-counts-")
        shutil.copy(a.config, os.path.join(scratch, ".copydesk.json"))
        linked = []
        for f in files:
            dst = os.path.join(scratch, os.path.basename(f))
            os.symlink(os.path.abspath(f), dst)
            linked.append(dst)
        files, args = linked, []
    try:
        out = subprocess.run([a.binary, "check", "--format", "json"] + args + files, capture_output=True).stdout
        report = json.loads(out)
    finally:
        if scratch:
            shutil.rmtree(scratch)
    counts = collections.Counter(d["code"] for f in report["files"] for d in f["diagnostics"])
    n = len(report["files"])
    print("%d articles" % n)
    for code, k in sorted(counts.items()):
        if code != "quote.attributed":
            print("%-28s %6d  %.3f per article" % (code, k, k / n))
    if a.show:
        rank = {"error": 3, "warning": 2, "info": 1, "hint": 0}
        for f in report["files"]:
            for d in f["diagnostics"]:
                if rank.get(d["severity"], 0) >= rank[a.show]:
                    print("%s:%d: %s [%s] %s" % (os.path.basename(f["path"]), d["line"], d["severity"], d["code"],
                                                 d["message"]))


if __name__ == "__main__":
    main()
