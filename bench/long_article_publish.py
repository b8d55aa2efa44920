#!/usr/bin/env python3
"""What an editor receives for a 1 MB article: the first publishDiagnostics after didOpen, with
the default maxHints and with the cap lifted (maxHints 100000). An invented article: a paragraph
of filler and one attributed quote, repeated, with an unattributed quote every twentieth time.
Prints the diagnostics by severity, the message size and the time to the message. Not a test.

usage: bench/long_article_publish.py build/copydesk
"""
import json
import subprocess
import sys
import time


def article(size=1_000_000):
    paras, i = [], 0
    while sum(len(p) for p in paras) < size:
        paras.append(f"The committee met for session {i} in the council chamber and heard from residents "
                     "about the road works on the east side of town, which have run for many months "
                     f"without a clear end date.\n\n\"Point {i} stands, and we will hold to it,\" said Ann Lee.\n\n")
        if i % 20 == 0:
            paras.append(f"\"Nobody asked us about plan {i}.\"\n\n")
        i += 1
    return "".join(paras)


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if line in (b"\r\n", b""):
            break
        key, value = line.decode().split(":", 1)
        if key.lower() == "content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def main():
    server = sys.argv[1]
    text = article()
    for options in ({}, {"maxHints": 100000}):
        proc = subprocess.Popen([server, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                "params": {"capabilities": {}, "initializationOptions": options}}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        start = time.time()
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "file:///tmp/long.md", "languageId": "markdown", "version": 1, "text": text}}}))
        proc.stdin.flush()
        while True:
            msg = read(proc)
            if msg.get("method") == "textDocument/publishDiagnostics":
                break
        elapsed = time.time() - start
        names = {1: "errors", 2: "warnings", 3: "info", 4: "hints"}
        by = {}
        for d in msg["params"]["diagnostics"]:
            by[names[d["severity"]]] = by.get(names[d["severity"]], 0) + 1
        print(f"{json.dumps(options) if options else 'default settings'}: {len(text)} bytes of text, "
              f"{len(msg['params']['diagnostics'])} diagnostics {by}, message {len(json.dumps(msg))} bytes, "
              f"{elapsed:.2f} s to the message")
        proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.flush()
        proc.wait()


main()
