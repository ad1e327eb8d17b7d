#!/usr/bin/env python3
"""mdBook preprocessor: dedents the code blocks that includes fill.

An anchored excerpt (`{{#include ../../examples/todobackend.rs:nat}}`) or a
line range of a module keeps the module's indentation, because mdBook has no
dedent for includes: every line of the block would start with four spaces.
This preprocessor runs after mdBook's `links` preprocessor (book.toml), when
the includes have been replaced by the file's text, and removes from every
fenced code block the indentation that all of its non-blank lines share,
down to the indentation of the fence itself (a code block inside a list item
keeps the list item's indentation). Indentation inside the block is kept:
a block whose lines are not all indented is left as it is.

mdBook calls it twice: `dedent.py supports <renderer>` (every renderer is
supported), then with `[context, book]` as JSON on standard input, and
reads the book back from standard output. Standard library only.
"""

import json
import re
import sys

FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})")


def leading(line):
    return line[: len(line) - len(line.lstrip(" \t"))]


def dedent_block(body, indent):
    """Removes the whitespace every non-blank line shares beyond `indent`."""
    lines = [line for line in body if line.strip()]
    if not lines:
        return body
    common = leading(lines[0])
    for line in lines[1:]:
        prefix = leading(line)
        while not prefix.startswith(common):
            common = common[:-1]
    if len(common) <= indent:
        return body
    return [line[:indent] + line[len(common):] if line.strip() else "" for line in body]


def dedent(text):
    out, block, fence = [], [], None  # fence: (indent, marker) while inside a block
    for line in text.split("\n"):
        if fence is None:
            out.append(line)
            opening = FENCE.match(line)
            # A backtick fence's info string may not hold a backtick.
            if opening and not (opening.group(2)[0] == "`" and "`" in line[opening.end():]):
                fence = (len(opening.group(1)), opening.group(2))
            continue
        closing = FENCE.match(line)
        if (closing and closing.group(2)[0] == fence[1][0]
                and len(closing.group(2)) >= len(fence[1])
                and not line[closing.end():].strip()):
            out += dedent_block(block, fence[0])
            out.append(line)
            block, fence = [], None
        else:
            block.append(line)
    # An unclosed block runs to the end of the chapter, as in CommonMark.
    out += dedent_block(block, fence[0]) if fence else block
    return "\n".join(out)


def visit(items):
    for item in items:
        chapter = item.get("Chapter") if isinstance(item, dict) else None
        if chapter:
            chapter["content"] = dedent(chapter["content"])
            visit(chapter.get("sub_items", []))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "supports":
        return 0
    _context, book = json.load(sys.stdin)
    # mdBook 0.5 names the chapter list `items`; 0.4 named it `sections`.
    visit(book.get("items", book.get("sections", [])))
    json.dump(book, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
