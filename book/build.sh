#!/usr/bin/env bash
# Builds the book into book/book/ with the crate's API documentation: runs
# `mdbook build book`, then `cargo doc --workspace --no-deps --lib`, and
# copies the rustdoc output into book/book/api/, where the book links to it
# (api/ecsnet/index.html). Every rustdoc link is relative, so the API pages
# work from disk (file://) as well as from a web server.
#
#   bash book/build.sh
#
# Only library targets are documented: ecsnet-cli's binary is also named
# `ecsnet`, and `cargo doc --workspace` writes its pages into the same
# target/doc/ecsnet/ as the library's (cargo's "output filename collision"
# warning, rust-lang/cargo#6313), so whichever finishes last owns
# index.html and the sidebar. When an earlier `cargo doc --workspace` left
# the binary's pages there, they are removed and the library documented
# again. CI runs this with the RUSTDOCFLAGS of its rustdoc step.
#
# mdbook empties book/book/ on every build (`mdbook serve` too), so run
# this again to get api/ back.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mdbook build book

target="$(cargo metadata --no-deps --format-version 1 \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
doc="$target/doc"
library_pages() {
    [[ ! -e "$doc/ecsnet/fn.main.html" ]] && grep -q 'href="aws/index.html"' "$doc/ecsnet/index.html"
}
cargo doc --workspace --no-deps --lib
if ! library_pages; then
    echo "target/doc/ecsnet/ holds ecsnet-cli's pages too; documenting the library again"
    rm -rf "$doc/ecsnet"
    cargo doc --workspace --no-deps --lib
    library_pages || { echo "target/doc/ecsnet/ is still not the library's documentation" >&2; exit 1; }
fi
api="book/book/api"
rm -rf "$api"
# Hard links when the target directory is on the same file system: the
# rustdoc output is large and this takes no time and no space.
if ! cp -al "$doc" "$api" 2>/dev/null; then
    rm -rf "$api"
    cp -R "$doc" "$api"
fi
rm -f "$api/.lock"
echo "copied the API documentation from $doc to $api"
