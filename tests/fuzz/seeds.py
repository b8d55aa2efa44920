#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into OUT/<target>/, from our own files only:
the fixtures and examples (articles), the JSON blocks of docs/configuration.md (configurations),
and LSP sessions built around the fixtures (framed messages). usage: seeds.py REPO OUT"""
import glob
import hashlib
import json
import os
import re
import sys

repo, out = sys.argv[1], sys.argv[2]


def put(target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


articles = []
for path in sorted(glob.glob(f"{repo}/tests/fixtures/*.txt") + glob.glob(f"{repo}/tests/fixtures/*.md") +
                   glob.glob(f"{repo}/examples/*")):
    if os.path.basename(path) == "README.md" or not os.path.isfile(path):
        continue
    with open(path, "rb") as f:
        articles.append((path.endswith(".md"), f.read()))

# the analyzer: first byte 1 for Markdown, 0 for plain text; one seed of 64 KB and more
for md, text in articles:
    put("fuzz_analyzer", bytes([1 if md else 0]) + text)
long_text = b"\n\n".join(t for _, t in articles)
while len(long_text) < 65536:
    long_text += b"\n\n" + long_text
put("fuzz_analyzer", b"\0" + long_text)

# the incremental analysis: the same articles, each with a number of edits (bits 1-4 of the first byte)
for i, (md, text) in enumerate(articles):
    put("fuzz_incremental", bytes([(1 if md else 0) | (i % 16) << 1]) + text)

# configurations: every JSON block of the configuration guide
with open(f"{repo}/docs/configuration.md", encoding="utf-8") as f:
    doc = f.read()
for block in re.findall(r"```(?:json|jsonc)?\n(.*?)```", doc, re.S):
    if block.lstrip().startswith("{"):
        put("fuzz_config", block.encode())
put("fuzz_config", b'{"rules":{"quote.unattributed":"error"},"style":{"courtesyTitles":"none","titlePeriod":true}}')


def frame(msg):
    body = json.dumps(msg, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(uri, lang, text, utf8):
    caps = {"general": {"positionEncodings": ["utf-8"]}} if utf8 else {}
    caps["textDocument"] = {"diagnostic": {}, "hover": {"contentFormat": ["markdown"]}}
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": caps, "rootUri": None}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 3}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
             {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
              "text": "\u201cA \U0001F600 quote,\u201d she said.\n"}]}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
         "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                             "end": {"line": 9, "character": 0}},
                    "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/inlayHint",
         "params": {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                             "end": {"line": 99, "character": 0}}}},
        {"jsonrpc": "2.0", "id": 5, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 6, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 7, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration",
         "params": {"settings": {"copydesk": {"rules": {"quote.unattributed": "error"}}}}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 8, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    return b"".join(frame(m) for m in msgs)


for i, (md, text) in enumerate(articles):
    t = text.decode("utf-8", "replace")
    uri = f"untitled:doc{i}.{'md' if md else 'txt'}"
    s = session(uri, "markdown" if md else "plaintext", t, i % 2 == 0)
    put("fuzz_server", s)
    put("fuzz_protocol", s)

# the record: a source, a NUL byte, an article; our record fixtures against their article and
# against every fixture article
record_dir = f"{repo}/tests/fixtures/record"
for src in sorted(glob.glob(f"{record_dir}/*.txt")):
    with open(src, "rb") as f:
        source = f.read()
    for _, text in articles[:20] + [(False, open(f"{record_dir}/dredging.txt", "rb").read())]:
        put("fuzz_record", source + b"\0" + text)
