#!/usr/bin/env bash
# Configures and builds copydesk into build/ and runs the whole test suite.
# CTEST_PARALLEL_LEVEL sets how many tests run at once (ctest reads it).
set -euo pipefail

cd "$(dirname "$0")/.."
jobs="$(nproc 2>/dev/null || echo 2)"

cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure
