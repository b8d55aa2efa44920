#!/usr/bin/env python3
"""Claim recall and precision of copydesk on bench/gold/polnear-dev-claims.json.

Usage: score_claims.py BINARY [GOLD_JSON] [TEXT_DIR]
  GOLD_JSON defaults to polnear-dev-claims.json beside this script,
  TEXT_DIR to ~/.cache/copydesk-polnear/dev/text (see ../shared/corpus/polnear/README.md).
SCORE_DETAILS=1 lists every miss and false alarm.

The matching rule is the corpus scorer's (../shared/corpus/score.py): a gold claim is caught when a
claim.* diagnostic overlaps its span; a diagnostic is true when it caught some gold claim. The gold
keeps offsets (Unicode code points, end exclusive), the kind and the few words of the claim phrase
only; the texts stay outside the repository.
"""
import json
import os
import subprocess
import sys


def byte_to_char(text_bytes):
    """Code point offset of every byte offset (continuation bytes map to their character)."""
    m, ci = [0] * (len(text_bytes) + 1), -1
    for i, b in enumerate(text_bytes):
        if b & 0xC0 != 0x80:
            ci += 1
        m[i] = ci
    m[len(text_bytes)] = ci + 1
    return m


def run(binary, paths):
    out = {}
    for i in range(0, len(paths), 16):
        batch = paths[i:i + 16]
        p = subprocess.run([binary, 'check', '--format', 'json', *batch], capture_output=True, timeout=120)
        for f in json.loads(p.stdout.decode('utf-8')).get('files', []):
            out[f.get('path')] = f
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    gold_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, 'polnear-dev-claims.json')
    text_dir = sys.argv[3] if len(sys.argv) > 3 else os.path.expanduser('~/.cache/copydesk-polnear/dev/text')
    gold = json.load(open(gold_path, encoding='utf-8'))
    details = os.environ.get('SCORE_DETAILS') == '1'
    paths = [os.path.join(text_dir, a['article']) for a in gold['articles']]
    results = run(sys.argv[1], paths)
    n_gold = caught = flags = true_flags = 0
    for art, path in zip(gold['articles'], paths):
        raw = open(path, 'rb').read()
        text = raw.decode('utf-8')
        m = byte_to_char(raw)
        clip = lambda x: m[max(0, min(len(raw), int(x)))]
        diags = [(clip(d['start']), clip(d['end']), d) for d in results.get(path, {}).get('diagnostics', [])
                 if str(d.get('code', '')).startswith('claim.')]
        hit = set()
        for c in art['claims']:
            assert text[c['start']:c['end']] == c['text'], (art['article'], c)
            n_gold += 1
            ks = [k for k, (s, e, _) in enumerate(diags) if overlap((s, e), (c['start'], c['end'])) > 0]
            if ks:
                caught += 1
                hit.update(ks)
            elif details:
                print(f'MISSED {art["article"]}: {c["text"]!r} ({c["kind"]})')
        flags += len(diags)
        true_flags += len(hit)
        if details:
            for k, (s, e, d) in enumerate(diags):
                if k not in hit:
                    print(f'FALSE {art["article"]}: {d.get("code")} {text[s:e]!r}')
    rec = caught / n_gold if n_gold else 0.0
    prec = true_flags / flags if flags else 0.0
    print(json.dumps({'articles': len(paths), 'gold_claims': n_gold, 'claims_caught': caught, 'claim_flags': flags,
                      'claim_flags_true': true_flags, 'claim_recall': round(rec, 3),
                      'claim_precision': round(prec, 3)}, indent=1))
    return 0


if __name__ == '__main__':
    sys.exit(main())
