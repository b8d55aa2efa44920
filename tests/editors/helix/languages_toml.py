#!/usr/bin/env python3
"""The Helix snippet in editors/README.md, checked without Helix: it must be TOML
of the shape Helix's documentation gives for languages.toml (book/src/languages.md:
the [[language]] keys, the [language-server.NAME] keys, file-types and
language-servers entries), every server a language names must be defined, and its
`copydesk` section must be settings the copydesk server accepts.

usage: languages_toml.py README COPYDESK
Prints one line per check and "helix: N passed, M failed"; exits 77 (skipped)
without Python's tomllib (3.11+).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import tomllib
except ImportError:
    print("Python has no tomllib (3.11+): skipped")
    sys.exit(77)

# Keys as Helix documents them (book/src/languages.md).
LANGUAGE_KEYS = {
    "name", "language-id", "scope", "injection-regex", "file-types", "shebangs", "roots",
    "auto-format", "diagnostic-severity", "comment-tokens", "comment-token",
    "block-comment-tokens", "indent", "language-servers", "grammar", "formatter", "soft-wrap",
    "text-width", "rulers", "path-completion", "word-completion", "workspace-lsp-roots",
    "persistent-diagnostic-sources", "rainbow-brackets", "code-actions-on-save", "auto-pairs",
    "debugger",
}
SERVER_KEYS = {"command", "args", "config", "timeout", "environment", "required-root-patterns"}
SERVER_REF_KEYS = {"name", "only-features", "except-features"}
TOP_KEYS = {"use-grammars", "language", "grammar", "language-server"}
# Servers Helix defines itself for Markdown, which the snippet may keep.
BUILT_IN_SERVERS = {"marksman", "markdown-oxide", "rumdl"}

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok - {name}")
    else:
        failed += 1
        print(f"not ok - {name}{': ' + str(detail) if detail else ''}")
    return ok


def snippet(readme):
    text = open(readme, encoding="utf-8").read()
    section = text[text.index("## Helix"):]
    m = re.search(r"```toml\n(.*?)```", section, re.S)
    return m.group(1)


def main():
    readme, copydesk = sys.argv[1:3]
    try:
        doc = tomllib.loads(snippet(readme))
    except (ValueError, tomllib.TOMLDecodeError) as err:
        check("the Helix snippet is TOML", False, err)
        return
    check("the Helix snippet is TOML", True)
    check("only languages.toml's top-level tables", set(doc) <= TOP_KEYS, set(doc) - TOP_KEYS)
    servers = doc.get("language-server", {})
    for name, server in servers.items():
        check(f"[language-server.{name}]: documented keys", set(server) <= SERVER_KEYS, set(server) - SERVER_KEYS)
        check(f"[language-server.{name}]: command is a string", isinstance(server.get("command"), str))
        args = server.get("args", [])
        check(f"[language-server.{name}]: args are strings", isinstance(args, list) and all(isinstance(a, str) for a in args))
        check(f"[language-server.{name}]: config is a table", isinstance(server.get("config", {}), dict))
    copydesk_server = servers.get("copydesk", {})
    check("copydesk is started as `copydesk lsp`",
          copydesk_server.get("command") == "copydesk" and copydesk_server.get("args") == ["lsp"])
    for lang in doc.get("language", []):
        name = lang.get("name", "?")
        check(f"[[language]] {name}: documented keys", set(lang) <= LANGUAGE_KEYS, set(lang) - LANGUAGE_KEYS)
        check(f"[[language]] {name}: has a name", isinstance(lang.get("name"), str))
        fts = lang.get("file-types", [])
        check(f"[[language]] {name}: file-types are extensions or {{ glob = ... }}",
              isinstance(fts, list) and all(isinstance(f, str) or (isinstance(f, dict) and set(f) == {"glob"}) for f in fts))
        for ref in lang.get("language-servers", []):
            ref_name = ref if isinstance(ref, str) else ref.get("name") if isinstance(ref, dict) else None
            if isinstance(ref, dict):
                check(f"[[language]] {name}: server entry keys", set(ref) <= SERVER_REF_KEYS, set(ref) - SERVER_REF_KEYS)
            check(f"[[language]] {name}: server {ref_name!r} is defined",
                  ref_name in servers or ref_name in BUILT_IN_SERVERS)
        if "language-id" in lang:
            check(f"[[language]] {name}: language-id is one copydesk knows",
                  lang["language-id"] in ("markdown", "plaintext", "text"), lang["language-id"])
    # Helix sends `config` as initializationOptions; the server takes {"copydesk": {...}}. The
    # CLI reads the same shape from a file and exits 2 on any setting it would skip.
    settings = copydesk_server.get("config", {}).get("copydesk", {})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "helix.json")
        with open(path, "w") as f:
            json.dump(settings, f)
        run = subprocess.run([copydesk, "check", "--config", path, "-"], input=b"", capture_output=True)
        check("the copydesk settings in the snippet are accepted", run.returncode == 0,
              run.stderr.decode(errors="replace").strip())


main()
print(f"helix: {passed} passed, {failed} failed")
sys.exit(0 if failed == 0 and passed > 0 else 1)
