#!/usr/bin/env python3
"""Quotes against the record: plant alterations into quotes whose record we wrote, count.

Usage: bench/plant_record.py COPYDESK [--quotes N] [--seed S] [--record-kb K] [--details]
       bench/plant_record.py --write DIR [--record-kb K] [--altered-every N]

--write DIR writes the invented record (DIR/transcripts/interview.txt), a .copydesk.json naming it
and DIR/article.txt (about 60 KB quoting it, every Nth quote altered, default 4) for the keystroke
latency bench: bench_lsp_latency COPYDESK 500 DIR/article.txt.

Everything is invented here, from word lists below: an interview transcript with four labelled
speakers, fillers ("um", "uh") and timestamps, and articles that quote it. Each quote is a whole
sentence of one speaker's turn, credited to that speaker by full name.

Kinds of quote (N of each altered kind, N/4 each by default 50, and N unaltered):
  replaced    one word replaced by another word of the same kind
  negation    "not" or "never" dropped
  swapped     two adjacent different words trade places
  speaker     the quote credited to another of the transcript's speakers
  unaltered   the record's words with editorial changes only: an ellipsis for words left out, a
              [bracketed] stand-in for the subject, fillers dropped, case and marks changed, words
              contracted ("will not" as "won't", "we will" as "we'll"), numbers as figures

A replaced word may be a number ("five" for "two"), written as a word or a figure.

An altered quote is caught when copydesk reports quote.altered (quote.speaker-mismatch for
`speaker`) on it; an unaltered quote raises a false alarm when any record finding is on it.
--record-kb pads the transcript with further invented turns (default 1024: about a megabyte),
and the script reports the check's wall time with and without the record (noisy on a shared
machine: compare in the same minute).
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

SPEAKERS = [('Ana Ruiz', 'RUIZ'), ('Tom Okafor', 'OKAFOR'), ('Lena Brooks', 'BROOKS'), ('Sam Patel', 'PATEL')]
SUBJECTS = ['we', 'the council', 'our crews', 'the ferry company', 'the harbour board', 'the contractors',
            'my office', 'the school trust', 'the volunteers', 'the port authority']
MODALS = ['will', 'can', 'must', 'should', 'would', 'could']
VERBS = ['rebuild', 'repair', 'fund', 'reopen', 'expand', 'review', 'delay', 'protect', 'inspect', 'replace',
         'widen', 'paint', 'close', 'move', 'measure', 'insure']
OBJECTS = ['the pier', 'the north road', 'the school roof', 'the library', 'the harbour wall', 'the old bridge',
           'the ferry ramp', 'the bus shelter', 'the sea defences', 'the fish market', 'the lighthouse steps',
           'the car park', 'the swimming pool', 'the town hall clock']
TIMES = ['this spring', 'before the winter', 'by next June', 'within two years', 'after the vote',
         'this autumn', 'before the storms', 'next month', 'by the summer', 'over the holidays',
         'in three weeks', 'within ten days', 'for twelve months', 'in five years']
REASONS = ['because the tide keeps rising', 'if the budget allows it', 'so that families can use it again',
           'since the last survey found cracks', 'unless the grant falls through', 'while traffic is light',
           'as the residents asked', 'once the engineers sign off', 'so nobody gets hurt', 'for the fishermen']
FILLERS = ['um', 'uh']
NUMBERS = {'two': '2', 'three': '3', 'five': '5', 'six': '6', 'ten': '10', 'twelve': '12'}
# a modal and "not" as one word, and a subject and a modal as one
NEGATED = {'will': "won't", 'can': "can't", 'must': "mustn't", 'should': "shouldn't", 'would': "wouldn't",
           'could': "couldn't"}
SUBJECT_MODAL = {('we', 'will'): "we'll", ('we', 'would'): "we'd"}
NEGATIONS = ['not', 'never']


def sentence(rng, negated):
    """An invented sentence as a list of words (the first capitalised at the end)."""
    words = rng.choice(SUBJECTS).split() + [rng.choice(MODALS)]
    if negated:
        words.append(rng.choice(NEGATIONS))
    words += [rng.choice(VERBS)] + rng.choice(OBJECTS).split() + rng.choice(TIMES).split()
    if rng.random() < 0.7:
        words += rng.choice(REASONS).split()
    return words


def written(words):
    s = ' '.join(words)
    return s[0].upper() + s[1:] + '.'


def with_fillers(rng, words):
    """The sentence as the transcript has it: a filler or two between words."""
    out = []
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and rng.random() < 0.12:
            out.append(rng.choice(FILLERS) + ',')
        out.append(w)
    return written(out)


def build_record(rng, n_quoted, pad_bytes):
    """Turns of the transcript; returns (text, quoted) with quoted = [(speaker index, words)]."""
    lines, quoted, seconds, size = [], [], 0, 0
    seen = set()
    turn = 0
    while len(quoted) < n_quoted or size < pad_bytes:
        who = turn % len(SPEAKERS)
        turn += 1
        if turn % 5 == 0:
            text = 'Q: ' + written(sentence(rng, False))[:-1] + '?'
        else:
            parts = []
            for _ in range(rng.randint(1, 3)):
                words = sentence(rng, rng.random() < 0.4)
                key = ' '.join(words)
                if key in seen:
                    continue
                seen.add(key)
                parts.append(with_fillers(rng, words))
                if len(quoted) < n_quoted and rng.random() < 0.5:
                    quoted.append((who, words))
            text = SPEAKERS[who][1] + ': ' + ' '.join(parts)
        seconds += rng.randint(5, 40)
        stamp = '[%02d:%02d:%02d] ' % (seconds // 3600, seconds // 60 % 60, seconds % 60)
        lines.append(stamp + text)
        size += len(lines[-1]) + 2
    return '\n\n'.join(lines) + '\n', quoted, seen


def alter(rng, kind, words, seen):
    """The altered words, or None when this sentence cannot take this kind of alteration."""
    w = list(words)
    if kind == 'replaced':
        pools = [MODALS, VERBS, list(NUMBERS)]
        for _ in range(10):
            i = rng.randrange(len(w))
            pool = next((p for p in pools if w[i] in p), None)
            if pool:
                w[i] = rng.choice([x for x in pool if x != w[i]])
                if w[i] in NUMBERS and rng.random() < 0.5:
                    w[i] = NUMBERS[w[i]]  # another number, as a figure
                break
        else:
            return None
    elif kind == 'negation':
        neg = [i for i, x in enumerate(w) if x in NEGATIONS]
        if not neg:
            return None
        del w[neg[0]]
    elif kind == 'swapped':
        cand = [i for i in range(1, len(w) - 1) if w[i] != w[i + 1]]
        i = rng.choice(cand)
        w[i], w[i + 1] = w[i + 1], w[i]
    if ' '.join(w) in seen:
        return None  # the alteration is itself a sentence of the record
    return w


def editorial(rng, words):
    """The record's words as an editor may legitimately quote them."""
    w = list(words)
    change = rng.choice(['ellipsis', 'bracket', 'case', 'plain', 'contracted', 'figures'])
    if change == 'ellipsis' and len(w) > 9:
        a = rng.randint(3, len(w) - 5)
        w[a:a + 2] = ['...']
    elif change == 'bracket' and w[0] == 'we':
        w[0] = '[the council]'
    elif change == 'case':
        w = [x.upper() if i == 0 else x for i, x in enumerate(w)]
    elif change == 'contracted':
        for i in range(len(w) - 1):
            if w[i] in NEGATED and w[i + 1] == 'not':
                w[i:i + 2] = [NEGATED[w[i]]]
                break
            if (w[i], w[i + 1]) in SUBJECT_MODAL:
                w[i:i + 2] = [SUBJECT_MODAL[(w[i], w[i + 1])]]
                break
    elif change == 'figures':
        w = [NUMBERS.get(x, x) for x in w]
    return written(w)


def write_bench_dir(out, pad, every):
    """The record, its configuration and a 60 KB article quoting it, for the latency bench."""
    rng = random.Random(18)
    record, quoted, seen = build_record(rng, 2000, pad)
    os.makedirs(os.path.join(out, 'transcripts'), exist_ok=True)
    with open(os.path.join(out, 'transcripts', 'interview.txt'), 'w') as f:
        f.write(record)
    with open(os.path.join(out, '.copydesk.json'), 'w') as f:
        f.write('{ "sources": ["transcripts"] }\n')
    paras, size = ['Harbour works planned', ''], 0
    for i, (who, words) in enumerate(quoted):
        if size > 60 * 1024:
            break
        w = alter(rng, 'replaced', words, seen) if i % every == 0 else None
        text = written(w or words)[:-1] + ','
        para = ('The plans were discussed at length at the meeting on Tuesday evening, where residents '
                'asked about costs. \u201c%s\u201d %s said.' % (text, SPEAKERS[who][0]))
        paras += [para, '']
        size += len(para.encode()) + 2
    with open(os.path.join(out, 'article.txt'), 'w') as f:
        f.write('\n'.join(paras))
    print('wrote %s: record %d KB, article %d KB' % (out, len(record) // 1024, size // 1024))
    return 0


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    if args[0] == '--write':
        return write_bench_dir(args[1], int(args[args.index('--record-kb') + 1]) * 1024
                               if '--record-kb' in args else 1024 * 1024,
                               int(args[args.index('--altered-every') + 1]) if '--altered-every' in args else 4)
    copydesk = args[0]
    n = int(args[args.index('--quotes') + 1]) if '--quotes' in args else 200
    seed = int(args[args.index('--seed') + 1]) if '--seed' in args else 18
    pad = int(args[args.index('--record-kb') + 1]) * 1024 if '--record-kb' in args else 1024 * 1024
    details = '--details' in args
    rng = random.Random(seed)
    kinds = ['replaced', 'negation', 'swapped', 'speaker']
    per_kind = n // len(kinds)
    record, quoted, seen = build_record(rng, 8 * n, pad)
    cases = []  # (kind, speaker index credited, quote text)
    pool = list(quoted)
    rng.shuffle(pool)
    for kind in kinds:
        made = 0
        for who, words in pool:
            if made == per_kind:
                break
            if kind == 'speaker':
                other = (who + rng.randint(1, len(SPEAKERS) - 1)) % len(SPEAKERS)
                cases.append((kind, other, written(words)))
            else:
                w = alter(rng, kind, words, seen)
                if w is None:
                    continue
                cases.append((kind, who, written(w)))
            made += 1
        pool = pool[made:]
    for who, words in pool[:n]:
        cases.append(('unaltered', who, editorial(rng, words)))

    with tempfile.TemporaryDirectory() as tmp:
        rec_path = os.path.join(tmp, 'interview.txt')
        with open(rec_path, 'w') as f:
            f.write(record)
        # one article per 20 quotes, each quote its own paragraph, the speaker named in full
        articles = []
        for start in range(0, len(cases), 20):
            path = os.path.join(tmp, 'article-%03d.txt' % (start // 20))
            chunk = cases[start:start + 20]
            paras = ['Harbour works planned', '']
            for kind, who, text in chunk:
                text = text[:-1] + ','
                paras.append('\u201c%s\u201d %s said.' % (text, SPEAKERS[who][0]))
                paras.append('')
            with open(path, 'w') as f:
                f.write('\n'.join(paras))
            articles.append((path, chunk))
        t0 = time.time()
        subprocess.run([copydesk, 'check', '--no-config', '--format', 'json', '--jobs', '1'] + [a for a, _ in articles],
                       capture_output=True)
        t_plain = time.time() - t0
        t0 = time.time()
        out = subprocess.run([copydesk, 'check', '--no-config', '--format', 'json', '--jobs', '1', '--sources', rec_path]
                             + [a for a, _ in articles], capture_output=True, text=True)
        t_record = time.time() - t0
        report = json.loads(out.stdout)

    stats = {k: [0, 0] for k in kinds + ['unaltered']}
    wanted = {'speaker': 'quote.speaker-mismatch'}
    record_codes = ('quote.altered', 'quote.speaker-mismatch', 'quote.not-in-record')
    for (path, chunk), fobj in zip(articles, report['files']):
        quotes = [q for q in fobj['quotes'] if q['kind'] == 'speech' and q['level'] == 0]
        for (kind, who, text), q in zip(chunk, quotes):
            qspan = (q['start'], q['end'])
            codes = [d['code'] for d in fobj['diagnostics']
                     if d['code'] in record_codes and qspan[0] <= d['start'] and d['end'] <= qspan[1]]
            stats[kind][0] += 1
            if kind == 'unaltered':
                hit = bool(codes)
            else:
                hit = wanted.get(kind, 'quote.altered') in codes
            stats[kind][1] += hit
            if details and (hit == (kind == 'unaltered')):
                print('%-10s %s -> %s' % (kind, text, codes or 'nothing'))
    print('record: %d KB, %d turns' % (len(record) // 1024, record.count('\n\n') + 1))
    print('%-10s %6s %6s %6s' % ('kind', 'quotes', 'caught', 'rate'))
    total = caught = 0
    for kind in kinds:
        q, c = stats[kind]
        total += q
        caught += c
        print('%-10s %6d %6d %6.3f' % (kind, q, c, c / q if q else 0))
    print('%-10s %6d %6d %6.3f' % ('altered', total, caught, caught / total if total else 0))
    q, fa = stats['unaltered']
    print('%-10s %6d false alarms: %d' % ('unaltered', q, fa))
    print('check of %d articles: %.2f s without the record, %.2f s with it (one thread; noisy)'
          % (len(articles), t_plain, t_record))
    return 0


if __name__ == '__main__':
    sys.exit(main())
