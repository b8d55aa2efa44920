#!/usr/bin/env bash
# Installs what copydesk needs to build, test and run under the editors, from Debian's packages.
# Idempotent and non-interactive: when everything is already installed it does nothing.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
  # build
  build-essential cmake pkg-config
  libjansson-dev libutf8proc-dev libpcre2-dev libmd4c-dev
  # the common-English-words table is generated from this word list
  wamerican
  # tests
  libcmocka-dev valgrind
  # the .deb (cpack -G DEB reads library dependencies with file and dpkg-shlibdeps)
  file
  # the archive example (examples/archive) and its test: Dask distributed
  python3-distributed
  # fuzzing (tests/fuzz): clang, and libFuzzer's runtime, which clang only recommends
  clang libclang-rt-14-dev
  # editor integration tests (Neovim, Emacs with Eglot; Python 3.11's tomllib for the Helix snippet)
  neovim emacs-nox elpa-eglot elpa-markdown-mode python3
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-deps: run as root (or install sudo)" >&2
    exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# The Node.js test under tests/integration/node needs node and npm. Some machines carry a
# Node.js build that bundles npm and conflicts with Debian's npm package: install either only
# when the command is missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
