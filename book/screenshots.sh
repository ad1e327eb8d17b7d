#!/usr/bin/env bash
# Builds the book (with its API docs) and screenshots it in headless
# Chromium at 1280 px and 390 px wide, to check its rendering by eye: code
# highlighting, compiler output, diagrams, the quiz headings, the API link.
# A developer tool, not part of CI.
#
#   bash book/screenshots.sh [OUT_DIR]    (default: target/book-screenshots)
#
# Needs Debian's Chromium (`apt-get install -y chromium`; another binary:
# CHROMIUM=/path/to/chrome) and Node with npm. playwright-core, pinned, is
# installed into OUT_DIR; Playwright's own browser download is not used.
# Pass --no-build to screenshot the book as last built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=1
if [[ ${1:-} == --no-build ]]; then build=0; shift; fi
out="$(mkdir -p "${1:-$root/target/book-screenshots}" && cd "${1:-$root/target/book-screenshots}" && pwd)"

if [[ ! -d "$out/node_modules/playwright-core" ]]; then
    npm install --prefix "$out" --no-audit --no-fund --silent playwright-core@1.64.1
fi
if (( build )); then
    bash "$root/book/build.sh"
fi
NODE_PATH="$out/node_modules" node "$root/book/screenshots.js" "$root/book/book" "$out"
