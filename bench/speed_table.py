#!/usr/bin/env python3
"""Whole-process speed and memory of `copydesk check`, the table of the speed goals in one run.

Prints, from one invocation on this machine:
  1. copydesk --format text and --format json on 1 MB of real articles against `wc -w` on the
     same file: CPU time (user + system) medians over interleaved runs, and peak RSS;
  2. scaling from 64 KB to 50 MB, on real articles and on a generated text in which every person
     is new (so the name indexes keep growing): CPU time, ms per MB and peak RSS per input byte;
  3. a batch of 1,000 files of about 12 KB in one call (text and json);
  4. keystroke-to-publishDiagnostics p50/p99 over pipes (bench_lsp_latency) on the invented
     articles, on the first 60 KB of the real articles and on a 60 KB distinct-names article;
  5. the same on the real 60 KB at a typist's pace (--pace ms between keystrokes), beside a 1 KB
     note at the same pace: the floor of a keystroke over pipes on this machine.

Real text is read at run time from the corpus (Wikinews and the PolNeAR train/dev texts under
~/.cache/copydesk-polnear) and written only to a temporary directory that is removed at the end;
nothing from it enters the repository. Timings on a shared machine are noisy: the load average
is printed, and each figure is a median with its range.

usage: bench/speed_table.py [--build DIR] [--corpus DIR] [--runs N] [--max-mb N]
                            [--keystrokes N] [--pace MS] [--paced-keystrokes N]
                            [--skip SECTION,...] [--copydesk PATH]
       sections: table, scaling, batch, keystrokes, paced
"""
import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

MB = 1024 * 1024
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


RUSAGE = None  # BUILD/bench/bench_rusage, set in main()


def run_measured(argv, stdin_path=None):
    """Runs argv with output discarded; returns (cpu_ms, peak_rss_bytes, exit_status)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        err = subprocess.run([RUSAGE] + argv, stdin=stdin, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE).stderr.decode().split()
    finally:
        if stdin_path:
            stdin.close()
    # bench_rusage's figures are the last line of stderr, after anything the command wrote there
    us, rss, status = int(err[-3]), int(err[-2]), int(err[-1])
    return us / 1000.0, rss, status


def real_corpus(corpus_dir):
    """The real articles, joined with blank lines: Wikinews, then PolNeAR dev and train texts."""
    polnear = os.path.expanduser("~/.cache/copydesk-polnear")
    dirs = [os.path.join(corpus_dir, "wikinews"), os.path.join(polnear, "dev", "text"),
            os.path.join(polnear, "train", "text")]
    parts = []
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), "rb") as f:
                    parts.append(f.read().strip() + b"\n\n")
    if not parts:
        sys.exit("no real articles found under %s or %s" % (corpus_dir, polnear))
    return parts


def cut(parts, size):
    """size bytes of the articles, cycling when they run out, cut at a paragraph break."""
    out, n, i = [], 0, 0
    while n < size:
        p = parts[i % len(parts)]
        out.append(p)
        n += len(p)
        i += 1
    text = b"".join(out)[:size]
    brk = text.rfind(b"\n\n")
    return text[:brk + 2] if brk > size // 2 else text


SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "da", "ni", "bra", "quo", "zel", "ha", "po",
             "lin", "gar", "ev", "ost", "mun", "the", "ric", "fa", "dor", "wen", "ul", "cas", "per", "yol"]


def distinct_names_text(size, seed=7):
    """A news-like text in which every paragraph brings two people never named before."""
    rng = random.Random(seed)
    seen = set()

    def name():
        while True:
            w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            if w not in seen:
                seen.add(w)
                return w.capitalize()

    roles = ["spokeswoman", "chief executive", "director", "treasurer", "chair", "union leader"]
    orgs = ["the Harbour Authority", "Northfield Council", "the Water Board", "Kestrel Rail",
            "the Teachers' Union", "Greenway Housing"]
    out = ["Northfield weighs the cost of its harbour plans\n\n"]
    n = len(out[0])
    k = 0
    while n < size:
        g1, s1, g2, s2 = name(), name(), name(), name()
        para = (
            f"{g1} {s1}, the {roles[k % len(roles)]} of {orgs[k % len(orgs)]}, said on Tuesday that the "
            f"works would go ahead. \"We have listened to every objection,\" {s1} said.\n\n"
            f"{g2} {s2}, who speaks for {orgs[(k + 3) % len(orgs)]}, was less certain. \"The numbers have "
            f"moved every time we asked,\" she told a meeting on Wednesday. Critics say the cost will double.\n\n"
            f"Mr {s1} later said the timetable was \"realistic but tight\". The council has not said when "
            f"the quay will reopen.\n\n")
        out.append(para)
        n += len(para)
        k += 1
    return "".join(out).encode()[:size]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def fmt_range(xs):
    return "%.0f ms (%.0f-%.0f)" % (statistics.median(xs), min(xs), max(xs))


def section_table(cd, tmp, parts, runs):
    path = write(os.path.join(tmp, "real-1mb.txt"), cut(parts, MB))
    size = os.path.getsize(path)
    cmds = {
        "wc -w": ["wc", "-w", path],
        "copydesk --format text": [cd, "check", "--no-config", "--format", "text", path],
        "copydesk --format json": [cd, "check", "--no-config", "--format", "json", path],
    }
    cpu = {k: [] for k in cmds}
    rss = {k: [] for k in cmds}
    for _ in range(runs):  # interleaved, so that a busy minute weighs on every command alike
        for k, argv in cmds.items():
            t, m, _ = run_measured(argv)
            cpu[k].append(t)
            rss[k].append(m)
    wc = statistics.median(cpu["wc -w"])
    print("## 1 MB of real articles (%d bytes), CPU time median over %d interleaved runs (range)\n" % (size, runs))
    print("| command | CPU time | x `wc -w` | peak RSS | RSS / input byte |")
    print("|---|---|---|---|---|")
    for k in cmds:
        m = max(rss[k])
        print("| %s | %s | %.1fx | %.1f MB | %.1f |" % (k, fmt_range(cpu[k]), statistics.median(cpu[k]) / wc,
                                                     m / MB, m / size))
    print()


def section_scaling(cd, tmp, parts, runs, max_mb):
    sizes = [64 * 1024, 256 * 1024, MB, 4 * MB, 16 * MB, 50 * MB]
    sizes = [s for s in sizes if s <= max_mb * MB]
    print("## Scaling, copydesk --format text / json (CPU ms median; ms per MB; peak RSS per input byte)\n")
    print("| text | size | text CPU | text ms/MB | text RSS/B | json CPU | json ms/MB | json RSS/B |")
    print("|---|---|---|---|---|---|---|---|")
    for label, make in (("real", lambda s: cut(parts, s)), ("distinct names", distinct_names_text)):
        for s in sizes:
            path = write(os.path.join(tmp, "scale.txt"), make(s))
            size = os.path.getsize(path)
            n = runs if s <= MB else 1
            row = []
            for fmt in ("text", "json"):
                ts, ms = [], []
                for _ in range(n):
                    t, m, _ = run_measured([cd, "check", "--no-config", "--format", fmt, path])
                    ts.append(t)
                    ms.append(m)
                t = statistics.median(ts)
                row += ["%.0f" % t, "%.0f" % (t / (size / MB)), "%.1f" % (max(ms) / size)]
            print("| %s | %s | %s |" % (label, human(size), " | ".join(row)))
            os.unlink(path)
    print()


def human(n):
    return "%d KB" % (n // 1024) if n < MB else "%.0f MB" % (n / MB)


def section_batch(cd, tmp, parts, runs):
    d = os.path.join(tmp, "batch")
    os.makedirs(d, exist_ok=True)
    text = cut(parts, 1000 * 12 * 1024 + 64 * 1024)
    paths, pos = [], 0
    for i in range(1000):  # ~12 KB each, cut at paragraph breaks
        end = text.find(b"\n\n", pos + 12 * 1024)
        end = len(text) if end < 0 else end + 2
        paths.append(write(os.path.join(d, "a%04d.txt" % i), text[pos:end]))
        pos = end
    total = sum(os.path.getsize(p) for p in paths)
    print("## Batch: 1,000 files of about 12 KB (%.1f MB) in one call (CPU median of %d, peak RSS)\n"
          % (total / MB, runs))
    print("| command | CPU time | peak RSS |")
    print("|---|---|---|")
    for fmt in ("text", "json"):
        ts, ms = [], []
        for _ in range(runs):
            t, m, _ = run_measured([cd, "check", "--no-config", "--format", fmt] + paths)
            ts.append(t)
            ms.append(m)
        print("| copydesk check --format %s (1,000 paths) | %s | %.1f MB |" % (fmt, fmt_range(ts), max(ms) / MB))
    print()
    shutil.rmtree(d)


def section_keystrokes(build, cd, tmp, parts, keystrokes):
    bench = os.path.join(build, "bench", "bench_lsp_latency")
    real = write(os.path.join(tmp, "real-60k.txt"), b"".join(parts[:200])[:61440])
    distinct = write(os.path.join(tmp, "distinct-60k.txt"), distinct_names_text(61440))
    print("## Keystroke -> publishDiagnostics over pipes, 60 KB articles (%d keystrokes each)\n" % keystrokes)
    print("| article | p50 | p99 | max | analysis alone (mean) |")
    print("|---|---|---|---|---|")
    for label, extra in (("invented (bench/articles.h)", []), ("real: first 60 KB of the corpus", [real]),
                         ("distinct names", [distinct])):
        out = subprocess.run([bench, cd, str(keystrokes)] + extra, capture_output=True, text=True).stdout
        names = re.findall(r"^(\S.*):$", out, re.M)
        lats = re.findall(r"over pipes.*\n(?:\s+server page faults.*\n)?\s+mean \S+ ms\s+p50 (\S+) ms\s+p90 \S+ ms\s+p99 (\S+) ms\s+max (\S+) ms", out)
        alone = re.findall(r"cd_analyze in process: mean (\S+) ms", out)
        if not lats:  # a changed report format must not leave the table silently empty
            sys.exit("bench_lsp_latency printed no latency line for %s:\n%s" % (label, out))
        for i, (p50, p99, mx) in enumerate(lats):
            name = label if len(lats) == 1 else "%s: %s" % (label, names[i].split(" (")[0])
            print("| %s | %s ms | %s ms | %s ms | %s ms |" % (name, p50, p99, mx, alone[i] if i < len(alone) else "?"))
    print()


def latency_line(out, label):
    """(p50, p99, max) of bench_lsp_latency's keystroke-over-pipes line."""
    lat = re.search(r"over pipes.*\n(?:.*\n)*?\s+mean \S+ ms\s+p50 (\S+) ms\s+p90 \S+ ms\s+p99 (\S+) ms\s+max (\S+) ms", out)
    if not lat:  # a changed report format must not leave the table silently empty
        sys.exit("bench_lsp_latency printed no latency line for %s:\n%s" % (label, out))
    return lat.groups()


def section_paced(build, cd, tmp, parts, keystrokes, pace):
    """Keystrokes at a typist's pace, and beside them the same on a note of 1 KB: what a keystroke
    costs over pipes on this machine when the analysis is next to nothing (the processes waking up
    after the pause), which no server can go below."""
    bench = os.path.join(build, "bench", "bench_lsp_latency")
    real = b"".join(parts[:200])
    art = write(os.path.join(tmp, "paced-60k.txt"), real[:61440])
    note = write(os.path.join(tmp, "paced-1k.txt"), real[:1024])
    print("## Keystroke -> publishDiagnostics at a typist's pace (the next keystroke %d ms after the last "
          "one's diagnostics; %d keystrokes each)\n" % (pace, keystrokes))
    print("| article | p50 | p99 | max |")
    print("|---|---|---|---|")
    for label, path in (("real: first 60 KB of the corpus", art), ("the floor: the first 1 KB of the same", note)):
        out = subprocess.run([bench, cd, str(keystrokes), path, str(pace)], capture_output=True, text=True).stdout
        p50, p99, mx = latency_line(out, label)
        print("| %s | %s ms | %s ms | %s ms |" % (label, p50, p99, mx))
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--copydesk", help="the binary to measure (default: BUILD/copydesk)")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--max-mb", type=int, default=50)
    ap.add_argument("--keystrokes", type=int, default=1000)
    ap.add_argument("--pace", type=int, default=250, help="ms between paced keystrokes")
    ap.add_argument("--paced-keystrokes", type=int, default=200)
    ap.add_argument("--skip", default="")
    a = ap.parse_args()
    cd = a.copydesk or os.path.join(a.build, "copydesk")
    global RUSAGE
    RUSAGE = os.path.join(a.build, "bench", "bench_rusage")
    skip = set(filter(None, a.skip.split(",")))
    parts = real_corpus(a.corpus)
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    print("# copydesk check, whole process (%s; load average %s, %d CPUs)\n" % (cd, " ".join(load), os.cpu_count()))
    tmp = tempfile.mkdtemp(prefix="cd-speed-")
    try:
        if "table" not in skip:
            section_table(cd, tmp, parts, a.runs)
        if "scaling" not in skip:
            section_scaling(cd, tmp, parts, max(1, a.runs // 2), a.max_mb)
        if "batch" not in skip:
            section_batch(cd, tmp, parts, max(1, a.runs // 3))
        if "keystrokes" not in skip:
            section_keystrokes(a.build, cd, tmp, parts, a.keystrokes)
        if "paced" not in skip:
            section_paced(a.build, cd, tmp, parts, a.paced_keystrokes, a.pace)
    finally:
        shutil.rmtree(tmp)
    with open("/proc/loadavg") as f:
        print("load average at the end: %s" % " ".join(f.read().split()[:3]))


if __name__ == "__main__":
    main()
