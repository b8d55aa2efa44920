#!/usr/bin/env python3
"""Is `copydesk check --format json` byte for byte the same for two builds?

A change meant only to make copydesk faster must not change what it finds: this runs two
binaries over every corpus and fixture file (the Wikinews set and the seed article, the PolNeAR
train and dev texts when they have been built, and tests/fixtures), one `check --no-config
--format json` per file list, and compares the outputs byte for byte, diagnostics' order
included. A file whose object differs is named with the first field that differs. Exit status 0
when every output is identical, 1 when one differs, 2 when a run fails.

Corpus texts are read where they lie and nothing is written but a temporary directory, removed at
the end.

usage: bench/json_identity.py BASE_BINARY NEW_BINARY [--corpus DIR] [--polnear DIR]
       bench/json_identity.py --digest BINARY      (the digest of one build's outputs, to keep)
"""
import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def file_lists(corpus, polnear):
    """(name, [paths], extra arguments) for each run; every list sorted, so runs are comparable."""
    lists = [("wikinews", sorted(glob.glob(os.path.join(corpus, "wikinews", "*.txt"))) +
              sorted(glob.glob(os.path.join(corpus, "seed-*.txt"))), []),
             ("fixtures", sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.txt"))) +
              sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*.md"))), [])]
    for split in ("train", "dev"):
        texts = sorted(glob.glob(os.path.join(polnear, split, "text", "*.txt")))
        if texts:
            lists.append(("polnear-" + split, texts, []))
    return [(name, paths, extra) for name, paths, extra in lists if paths]


def run(binary, paths, extra):
    """The JSON output of one check over paths. The exit status says whether there were findings
    (0 or 1); 2 is a failure."""
    try:
        p = subprocess.run([binary, "check", "--no-config", "--format", "json", "--jobs", "1"] + extra + paths,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        print("cannot run %s: %s" % (binary, e), file=sys.stderr)
        sys.exit(2)
    if p.returncode not in (0, 1):
        print("%s failed (exit %d): %s" % (binary, p.returncode, p.stderr.decode(errors="replace")[:500]),
              file=sys.stderr)
        sys.exit(2)
    return p.stdout


def first_difference(a, b, where=""):
    """A path to the first value that differs between two parsed JSON values."""
    if type(a) is not type(b):
        return where or "(top)"
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return "%s.%s (present in one only)" % (where, k)
            d = first_difference(a[k], b[k], "%s.%s" % (where, k))
            if d:
                return d
        if list(a) != list(b):
            return "%s (key order)" % where
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, "%s[%d]" % (where, i))
            if d:
                return d
        return None if len(a) == len(b) else "%s (length %d against %d)" % (where, len(a), len(b))
    return None if a == b else where


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binaries", nargs="*", help="BASE_BINARY NEW_BINARY")
    ap.add_argument("--digest", metavar="BINARY", help="print the digest of this build's outputs")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
    ap.add_argument("--polnear", default=os.path.expanduser("~/.cache/copydesk-polnear"))
    a = ap.parse_args()
    lists = file_lists(a.corpus, a.polnear)
    if not lists:
        print("no corpus or fixture files found", file=sys.stderr)
        return 2
    n_files = sum(len(paths) for _, paths, _ in lists)
    if a.digest:
        h = hashlib.sha256()
        for _, paths, extra in lists:
            h.update(run(a.digest, paths, extra))
        print("%s  (%d files: %s)" % (h.hexdigest(), n_files, ", ".join(name for name, _, _ in lists)))
        return 0
    if len(a.binaries) != 2:
        ap.error("give two binaries, or --digest BINARY")
    base, new = a.binaries
    differing = 0
    for name, paths, extra in lists:
        out_base, out_new = run(base, paths, extra), run(new, paths, extra)
        if out_base == out_new:
            print("%-16s %5d files: identical (%d bytes)" % (name, len(paths), len(out_base)))
            continue
        files_base = json.loads(out_base)["files"]
        files_new = json.loads(out_new)["files"]
        diff = [(fb.get("path"), first_difference(fb, fn)) for fb, fn in zip(files_base, files_new)]
        diff = [(p, d) for p, d in diff if d]
        if len(files_base) != len(files_new):
            diff.append(("(the list of files)", "%d against %d" % (len(files_base), len(files_new))))
        if not diff:  # the same values written differently (spacing, escapes, number forms)
            diff.append(("(the whole output)", "the same values, not the same bytes"))
        differing += len(diff)
        print("%-16s %5d files: %d DIFFER" % (name, len(paths), len(diff)))
        for path, where in diff[:20]:
            print("    %s: %s" % (path, where))
        if len(diff) > 20:
            print("    ... and %d more" % (len(diff) - 20))
    print("identical" if not differing else "%d file(s) differ" % differing)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
