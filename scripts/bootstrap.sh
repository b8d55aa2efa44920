#!/usr/bin/env bash
# From a fresh clone to a first check: installs the dependencies, builds, and checks the example
# article. Findings are warnings, so the check exits 0 (copydesk fails only on errors by default).
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
cmake --build build -j "$jobs"
build/copydesk check examples/article.md
