#!/usr/bin/env python3
"""Findings per article by rule code, for a directory of articles.

usage: bench/finding_counts.py BINARY DIR [--config FILE]

Runs `copydesk check --format json` on DIR/*.txt (or DIR/text/*.txt) and prints, for every rule
code but quote.attributed, the number of findings and the number per article. With --config, the
articles are checked with that .copydesk.json (linked beside them in a scratch directory), so that
a house style can be compared with the defaults on the same texts.
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
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.dir, "*.txt")) or glob.glob(os.path.join(a.dir, "text", "*.txt")))
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


if __name__ == "__main__":
    main()
