#!/usr/bin/env python3
"""Name-finding recall on real articles: plant one problem at a time, run copydesk, count.

Usage: bench/plant_names.py COPYDESK DIR [DIR ...] [--per-kind N] [--seed S] [--details]

DIR holds articles as *.txt (the first line is the headline), for example PolNeAR's dev split
(~/.cache/copydesk-polnear/dev/text) or ../shared/corpus/wikinews. The articles are read at run
time; each planted text lives in a temporary directory only while copydesk reads it and is never
written anywhere else (the articles are others' copyrighted work).

Kinds of plant, each into running text outside quotation marks and after the headline:
  misspell     one mention of a surname that the article uses at least twice: one letter
               dropped, doubled, or swapped with its neighbour (never the first letter)
  courtesy     one lone reference to a person (before a verb or punctuation) whose surname is used
               alone at least twice, in an article with no courtesy titles and no second person of
               that surname, gets "Mr." ("Ms." when the given name is a woman's)
  us-swap      one "U.S." becomes "US" where the article writes "U.S." at least twice, or one
               "US" becomes "U.S." where it writes "US" at least twice; not where the abbreviation
               begins a name of its own ("U.S. Army Corps", "US Airways")
  diacritics   one mention of a name with accented letters, used at least twice, loses them
  late-first   the first full-name reference "Given Surname" and the first later lone "Surname"
               trade places, so that the surname alone comes first

A plant is caught when a finding of the kind that reports it (EXPECTED) has its span or one of its
related spans on the planted mention; it points right when the finding's own span is on it.
Prints, per kind, plants / caught / pointed right and their rates.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata

KINDS = ['misspell', 'courtesy', 'us-swap', 'diacritics', 'late-first']
# the findings that report each kind of plant
EXPECTED = {
    'misspell': ('name.spelling', 'name.variant'),
    'courtesy': ('name.courtesy-title',),
    'us-swap': ('name.variant',),
    'diacritics': ('name.variant', 'name.spelling'),
    'late-first': ('name.first-reference-late',),
}
COURTESY = re.compile(r'\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+$')
# a capitalised word of letters (accented ones too), possibly with an inner apostrophe or hyphen
NAME_WORD = r"[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+(?:[-'\u2019][A-Z\u00C0-\u00DE]?[a-z\u00DF-\u00FF]+)?"
FULL_NAME = re.compile(r'(?<![\w.])(' + NAME_WORD + r')\s+(' + NAME_WORD + r')(?![\w\-])')
# capitalised words that begin or end phrases but are no given names
NOT_GIVEN = set('''The A An In On At For And But Or Of To As By With From After Before When While If This That
These Those It He She They We I His Her Their Our Its Mr Mrs Ms Dr Sen Rep Gov President Senator Governor
Mayor Judge Secretary Minister General Chief Former New North South East West Saint St Democrat Republican
Democratic American United National State Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December'''.split())


def load_dictionary(path='/usr/share/dict/words'):
    """(proper nouns, common words) of the system word list; empty sets without one."""
    proper, common = set(), set()
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            for w in f:
                w = w.strip()
                if w and w[0].isupper():
                    proper.add(w)
                elif w:
                    common.add(w)
    except OSError:
        pass
    return proper, common


PROPER, COMMON = load_dictionary()


def personal(given, sur):
    """A given name and a surname, as far as a word list tells: the given name is a proper noun and
    no common word ("Donald", not "White" of "White House"); the surname is no common word
    ("Foundation", "Party", "Union"; this also passes over surnames such as "Trump")."""
    if not PROPER:
        return True
    if given not in PROPER or given.lower() in COMMON:
        return False
    return sur.lower() not in COMMON


def quote_spans(text):
    """Spans inside double quotation marks (straight, curly or doubled single quotes), per paragraph."""
    spans = []
    for para in re.finditer(r'[^\n]+', text):
        p, base = para.group(0), para.start()
        marks = [m.start() for m in re.finditer(r'"|\u201c|\u201d|\'\'', p)]
        for a, b in zip(marks[0::2], marks[1::2]):
            spans.append((base + a, base + b + 1))
    return spans


def inside(pos, spans):
    return any(a <= pos < b for a, b in spans)


def body_start(text):
    return text.find('\n') + 1


def occurrences(text, word):
    return [m.start() for m in re.finditer(r'(?<![\w\-])' + re.escape(word) + r'(?![\w\-])', text)]


def usable(text, pos, quotes):
    return pos >= body_start(text) and not inside(pos, quotes)


def _given_names(kind):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'analyzer', 'lexicon',
                        'given_names_%s.txt' % kind)
    with open(path, encoding='utf-8') as f:
        return {w.strip().lower() for w in f if w.strip() and not w.startswith('#')}


GIVEN = {'male': _given_names('male'), 'female': _given_names('female')}


def given_gender(given):
    """'male' or 'female' when the given name is in one of copydesk's lists only, else None."""
    g = given.lower()
    male, female = g in GIVEN['male'], g in GIVEN['female']
    return None if male == female else 'male' if male else 'female'


def people(text, quotes):
    """Surname -> (first full-name match, later usable lone positions, all usable positions)."""
    out = {}
    for m in FULL_NAME.finditer(text, body_start(text)):
        given, sur = m.group(1), m.group(2)
        if given in NOT_GIVEN or sur in NOT_GIVEN or len(sur) < 4 or sur in out or not personal(given, sur):
            continue
        if inside(m.start(), quotes):
            continue
        occ = [p for p in occurrences(text, sur) if usable(text, p, quotes)]
        lone = [p for p in occ if p > m.start(2) and not re.search(NAME_WORD + r'\s+$', text[max(0, p - 40):p])]
        out[sur] = (m, lone, occ)
    return out


# what follows a surname used as a reference: punctuation, a possessive, or a verb
REFERENCE_AFTER = re.compile(r"(?:[,.;:!?)]|['\u2019]s\b|\s+(?:said|says|told|added|was|is|has|had|would|will|"
                             r"did|does|also|then|wrote|argued|called|noted|insisted|explained|announced|"
                             r"asked|answered|replied|described|declined|spoke)\b)")


def shared_surname(text, sur):
    """Two different given names before the surname: two people share it."""
    givens = set(m.group(1) for m in re.finditer(r'(' + NAME_WORD + r')\s+' + re.escape(sur) + r'\b', text)
                 if m.group(1) not in NOT_GIVEN)
    return len(givens) > 1


def misspellings(word, rng):
    """A typist's slip inside the word, never on the first letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(['drop', 'double', 'swap'])
    if kind == 'drop':
        return word[:i] + word[i + 1:]
    if kind == 'double':
        return word[:i + 1] + word[i] + word[i + 1:]
    if word[i] == word[i + 1]:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def strip_accents(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c))


def replace_one_later(text, quotes, old, new, rng, keep=lambda p, n: True):
    """[(text, span)] with one use of `old` after its first written `new`, when it is used twice;
    `keep(position, length)` says which uses may be changed."""
    occ = [p for p in occurrences(text, old) if usable(text, p, quotes)]
    later = [p for p in occ[1:] if keep(p, len(old))]
    if len(occ) < 2 or not later:
        return []
    pos = rng.choice(later)
    return [(text[:pos] + new + text[pos + len(old):], (pos, pos + len(new)))]


def plants(text, kind, rng, limit):
    """Yields (planted text, planted span) for one kind, at most `limit` per article."""
    quotes = quote_spans(text)
    found = []
    if kind == 'misspell':
        for sur, (m, lone, occ) in people(text, quotes).items():
            if len(occ) < 2 or not sur.isalpha():
                continue
            pos = rng.choice(lone or occ[1:] or occ)
            bad = misspellings(sur, rng)
            if bad == sur:
                continue
            found.append((text[:pos] + bad + text[pos + len(sur):], (pos, pos + len(bad))))
    elif kind == 'courtesy':
        if re.search(r'\b(Mr|Mrs|Ms|Dr)\.?\s+[A-Z]', text):
            return []
        ppl = people(text, quotes)
        for sur, (m, lone, occ) in ppl.items():
            if len(lone) < 2 or shared_surname(text, sur):
                continue
            # a reference to the person, where a title can stand: before a verb or punctuation,
            # not a modifier ("a Clinton surrogate")
            refs = [p for p in lone[1:] if REFERENCE_AFTER.match(text, p + len(sur))]
            if not refs:
                continue
            pos = rng.choice(refs)
            # the title a person of that given name takes: "Mrs. Clinton" is someone else than
            # Hillary Clinton's "Mr. Clinton", and copydesk reads it so
            title = 'Ms. ' if given_gender(m.group(1)) == 'female' else 'Mr. '
            new = text[:pos] + title + text[pos:]
            found.append((new, (pos, pos + len(title) + len(sur))))
    elif kind == 'us-swap':
        for old, new_form in (('U.S.', 'US'), ('US', 'U.S.')):
            # not where the abbreviation begins a name of its own ("U.S. Army Corps", "US Airways")
            found += replace_one_later(text, quotes, old, new_form, rng,
                                       keep=lambda p, n: not re.match(r'\s+[A-Z]', text[p + n:p + n + 2]))
    elif kind == 'diacritics':
        seen = set()
        for m in re.finditer(NAME_WORD, text):
            w = m.group(0)
            plain = strip_accents(w)
            if plain == w or w in seen:
                continue
            seen.add(w)
            found += replace_one_later(text, quotes, w, plain, rng)
    elif kind == 'late-first':
        for sur, (m, lone, occ) in people(text, quotes).items():
            if not lone:
                continue
            # the first mention of the surname must be this full name
            if occurrences(text[:m.start(2)], sur):
                continue
            full = m.group(0)
            a, b = m.start(), m.end()
            later = lone[0]
            new = text[:a] + sur + text[b:later] + full + text[later + len(sur):]
            found.append((new, (a, a + len(sur))))
    rng.shuffle(found)
    return found[:limit]


def name_findings(copydesk, path):
    out = subprocess.run([copydesk, 'check', '--format', 'json', path], capture_output=True)
    data = json.loads(out.stdout)
    raw = open(path, 'rb').read()
    res = []
    for f in data['files']:
        for d in f.get('diagnostics', []):
            if not str(d.get('code', '')).startswith('name.'):
                continue
            # byte offsets -> character offsets of the decoded text
            def ch(b):
                return len(raw[:b].decode('utf-8', 'replace'))
            spans = [(ch(d['start']), ch(d['end']))] + [(ch(r['start']), ch(r['end'])) for r in d.get('related', [])]
            res.append((d['code'], d.get('message', ''), spans))
    return res


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    per_kind, seed, details = 2, 12, False
    if '--per-kind' in args:
        i = args.index('--per-kind')
        per_kind = int(args[i + 1])
        del args[i:i + 2]
    if '--seed' in args:
        i = args.index('--seed')
        seed = int(args[i + 1])
        del args[i:i + 2]
    if '--details' in args:
        args.remove('--details')
        details = True
    copydesk, dirs = args[0], args[1:]
    files = []
    for d in dirs:
        files += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith('.txt'))
    rng = random.Random(seed)
    stats = {k: [0, 0, 0] for k in KINDS}
    codes = {k: {} for k in KINDS}
    with tempfile.TemporaryDirectory(prefix='copydesk-plant-') as tmp:
        for path in files:
            text = open(path, encoding='utf-8', errors='replace').read()
            for kind in KINDS:
                for planted, span in plants(text, kind, rng, per_kind):
                    probe = os.path.join(tmp, 'article.txt')
                    with open(probe, 'w', encoding='utf-8') as f:
                        f.write(planted)
                    found = name_findings(copydesk, probe)
                    caught = [x for x in found if x[0] in EXPECTED[kind] and any(overlaps(s, span) for s in x[2])]
                    pointed = [x for x in caught if overlaps(x[2][0], span)]
                    st = stats[kind]
                    st[0] += 1
                    st[1] += bool(caught)
                    st[2] += bool(pointed)
                    for x in caught[:1]:
                        codes[kind][x[0]] = codes[kind].get(x[0], 0) + 1
                    if details and not pointed:
                        a, b = span
                        ctx = planted[max(0, a - 60):a] + '[[' + planted[a:b] + ']]' + planted[b:b + 40]
                        print(f'MISSED {kind} {os.path.basename(path)[:40]}: {ctx!r}'
                              + (f' (caught elsewhere: {caught[0][0]})' if caught else ''))
    print(f'{"kind":<12} {"plants":>6} {"caught":>7} {"pointed":>8} {"caught%":>8} {"pointed%":>9}  codes')
    for k in KINDS:
        n, c, p = stats[k]
        rate = (lambda x: f'{x / n:.2f}' if n else '-')
        print(f'{k:<12} {n:>6} {c:>7} {p:>8} {rate(c):>8} {rate(p):>9}  {codes[k]}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
