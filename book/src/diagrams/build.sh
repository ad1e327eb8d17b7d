#!/usr/bin/env bash
# Renders the book's diagrams: every *.dot here to *.svg with Graphviz.
# The resource graph is first regenerated from the todobackend example's
# template. The SVGs are committed, so building the book needs no Graphviz;
# run this after changing a .dot file or the example's resources.
#
#   bash book/src/diagrams/build.sh      (needs `dot`: apt-get install graphviz)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

template="$(mktemp)"
trap 'rm -f "$template"' EXIT
(cd "$root" && cargo run --quiet --example todobackend -- --output "$template")
python3 "$here/resource-graph.py" "$template" > "$here/todobackend-resources.dot"

for source in "$here"/*.dot; do
    dot -Tsvg "$source" -o "${source%.dot}.svg"
    echo "rendered ${source#"$root"/} -> $(basename "${source%.dot}.svg")"
done
