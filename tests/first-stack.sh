#!/usr/bin/env bash
# The book's "Your first stack" chapter, followed verbatim: a fresh crate
# beside a checkout named `ecsnet`, outside this workspace, with the
# chapter's Cargo.toml and main.rs; it must build, run, and print the
# output the chapter shows.
#   tests/first-stack.sh [WORK_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in
    "$repo"/*) echo "the work directory must be outside the workspace" >&2; exit 2 ;;
esac
# The chapter's layout: the checkout at ../ecsnet, the new crate beside it.
ln -sfn "$repo" "$work/ecsnet"
crate="$work/hello-stack"
rm -rf "$crate" && mkdir -p "$crate/src"
cp "$repo/book/src/first-stack/Cargo.toml" "$crate/Cargo.toml"
cp "$repo/examples/first_stack.rs" "$crate/src/main.rs"
# The workspace's lock file pins the same dependency versions, and its
# target directory already holds them compiled: the check costs one crate.
cp "$repo/Cargo.lock" "$crate/Cargo.lock"
export CARGO_TARGET_DIR="$repo/target/first-stack"
(cd "$crate" && cargo run --quiet) > "$work/output.json"
if ! diff -u "$repo/book/src/first-stack/output.json" "$work/output.json"; then
    echo "the first stack's output differs from the chapter's (book/src/first-stack/output.json)" >&2
    exit 1
fi
echo "first stack: built outside the workspace, ran, and printed the chapter's output"
