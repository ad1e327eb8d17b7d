#!/usr/bin/env python3
"""Checks the book's includes, which `mdbook build` only warns about.

mdBook logs an error for an `{{#include}}` of a missing file and silently
includes nothing for a missing anchor, and exits 0 either way. This script
fails instead (exit 1) when:

* an included file does not exist;
* an anchor (`{{#include file:name}}`) has no `ANCHOR: name` and
  `ANCHOR_END: name` in the file, or includes nothing;
* a line range (`{{#include file:10:20}}`) has no guard, or its guard no
  longer matches: the line before the code fence must be
  `<!-- lines: "text of the first line" to "text of the last line" -->`
  (trimmed; write `\\"` for a quote inside the text),
  so that an edit to the included file cannot silently shift the excerpt.
  `--fix` moves drifted ranges to where the guarded text now is;
* a `rust` or `console` code block holds anything but includes: Rust code
  and compiler output come from the tested files, never typed by hand;
* a file under `tests/ui/` is included nowhere in the book;
* a chapter, heading (`page.md#id`) or image that the book links to does
  not exist (links into `api/`, the rustdoc that `build.sh` copies into the
  built book, are left to `check-links.py`, which reads the built HTML).

    python3 book/check-includes.py         # check (CI runs this)
    python3 book/check-includes.py --fix   # also rewrite drifted line ranges

Standard library only.
"""

import os
import re
import sys

BOOK = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BOOK)
SRC = os.path.join(BOOK, "src")

INCLUDE = re.compile(r"\{\{#include\s+([^}\s]+)\s*\}\}")
FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*([^\s`]*)")
GUARD = re.compile(r'<!--\s*lines:\s*"(.*)"\s+to\s+"(.*)"\s*-->')
LINK = re.compile(r"\]\(([^)\s#]*)(?:#([^)\s]*))?\)")
IMAGE_SRC = re.compile(r'<img[^>]*\ssrc="([^"]+)"')

errors = []


def heading_ids(path):
    """The ids mdBook gives the headings of a chapter."""
    ids, seen, fence = set(), {}, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if FENCE.match(line):
                fence = not fence
                continue
            heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
            if fence or not heading:
                continue
            # A heading attribute sets the id: `## Question 4: … {#question-4}`.
            explicit = re.search(r"\{#([^\s}]+)[^}]*\}$", heading.group(1))
            if explicit:
                ids.add(explicit.group(1))
                continue
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))
            text = re.sub(r"[`*]", "", text).lower()
            base = "".join(c if c.isalnum() or c in "-_" else "-" if c.isspace() else ""
                           for c in text)
            count = seen.get(base, 0)
            seen[base] = count + 1
            ids.add(base if count == 0 else f"{base}-{count}")
    return ids


def error(where, message):
    errors.append(f"{where}: {message}")


def relative(path):
    return os.path.relpath(path, ROOT)


def split_target(target):
    """`path`, `path:anchor`, `path:10`, `path:10:20`, `path:10:`, `path::20`."""
    path, _, spec = target.partition(":")
    return path, spec


def line_range(spec):
    match = re.fullmatch(r"(\d*)(?::(\d*))?", spec)
    if not spec or not match:
        return None
    start = int(match.group(1)) if match.group(1) else 1
    if match.group(2) is None:
        end = start if match.group(1) else None
    else:
        end = int(match.group(2)) if match.group(2) else None
    return start, end


def find_lines(lines, first, last):
    """Where the guarded text sits now: (start, end), 1-based, or None."""
    for i, line in enumerate(lines):
        if line.strip() == first:
            for j in range(i, len(lines)):
                if lines[j].strip() == last:
                    return i + 1, j + 1
    return None


def check_anchor(where, path, text, anchor):
    begin = re.search(r"ANCHOR:\s*" + re.escape(anchor) + r"\b", text)
    end = re.search(r"ANCHOR_END:\s*" + re.escape(anchor) + r"\b", text)
    if not begin or not end:
        error(where, f"`{relative(path)}` has no anchor `{anchor}` "
                     "(`ANCHOR: {0}` … `ANCHOR_END: {0}`)".format(anchor))
        return
    body = text[text.index("\n", begin.end()) + 1:end.start()]
    body = "\n".join(line for line in body.splitlines() if "ANCHOR" not in line)
    if not body.strip():
        error(where, f"anchor `{anchor}` of `{relative(path)}` includes nothing")


def main(fix):
    summary = os.path.join(SRC, "SUMMARY.md")
    if not os.path.exists(summary):
        error("book/src", "no SUMMARY.md")
    included = set()
    chapters = []
    for directory, _, names in os.walk(SRC):
        chapters += [os.path.join(directory, n) for n in names if n.endswith(".md")]

    for chapter in sorted(chapters):
        with open(chapter, encoding="utf-8") as f:
            lines = f.read().split("\n")
        changed = False
        fence = None  # (marker, language, start line) while inside a code block
        for number, line in enumerate(lines, 1):
            where = f"{relative(chapter)}:{number}"
            opening = FENCE.match(line)
            if opening and fence is None:
                fence = (opening.group(2), opening.group(3).split(",")[0], number)
                continue
            if fence is not None and line.strip().startswith(fence[0]) and not line.strip()[len(fence[0]):].strip():
                fence = None
                continue
            if fence is not None and fence[1] in ("rust", "console"):
                if line.strip() and not INCLUDE.fullmatch(line.strip()):
                    error(where, f"a `{fence[1]}` block holds only `{{{{#include …}}}}` lines "
                                 "(Rust and compiler output come from tested files)")
            for match in INCLUDE.finditer(line):
                path, spec = split_target(match.group(1))
                full = os.path.normpath(os.path.join(os.path.dirname(chapter), path))
                if not os.path.isfile(full):
                    error(where, f"included file `{path}` does not exist ({relative(full)})")
                    continue
                included.add(full)
                with open(full, encoding="utf-8") as f:
                    text = f.read()
                if not spec:
                    continue
                bounds = line_range(spec)
                if bounds is None:
                    check_anchor(where, full, text, spec)
                    continue
                # A line range: the line before its fence carries the guard.
                file_lines = text.split("\n")
                start, end = bounds
                end = end or len(file_lines)
                guard = GUARD.search(lines[fence[2] - 2]) if fence and fence[2] >= 2 else None
                if guard is None:
                    error(where, f"line range `{spec}` of `{path}` needs a guard on the line "
                                 'before its code fence: <!-- lines: "first" to "last" -->')
                    continue
                first, last = (g.replace('\\"', '"').strip() for g in guard.groups())
                if (1 <= start <= end <= len(file_lines)
                        and file_lines[start - 1].strip() == first
                        and file_lines[end - 1].strip() == last):
                    continue
                now = find_lines(file_lines, first, last)
                if now and fix:
                    lines[number - 1] = line.replace(match.group(0),
                                                     f"{{{{#include {path}:{now[0]}:{now[1]}}}}}")
                    changed = True
                    print(f"{where}: moved `{path}` lines {start}:{end} to {now[0]}:{now[1]}")
                elif now:
                    error(where, f"lines {start}:{end} of `{path}` no longer hold the guarded text; "
                                 f"it is now at {now[0]}:{now[1]} (run with --fix)")
                else:
                    error(where, f"the guarded text of lines {start}:{end} of `{path}` "
                                 f"is no longer in the file: \"{first}\" … \"{last}\"")
            # Links to chapters and images, outside code blocks.
            if fence is None:
                for target, fragment in LINK.findall(line) + [(i, "") for i in IMAGE_SRC.findall(line)]:
                    if re.match(r"^[a-z]+:", target):
                        continue
                    # The API documentation is copied into the built book by
                    # build.sh; check-links.py checks those links there.
                    if target.startswith("api/") or "/api/" in target:
                        continue
                    full = os.path.normpath(os.path.join(os.path.dirname(chapter), target or os.path.basename(chapter)))
                    if not os.path.exists(full):
                        error(where, f"link target `{target}` does not exist")
                    elif fragment and full.endswith(".md") and fragment not in heading_ids(full):
                        error(where, f"`{target or os.path.basename(chapter)}` has no heading `#{fragment}`")
        if fence is not None:
            error(f"{relative(chapter)}:{fence[2]}", "code block is never closed")
        if changed:
            with open(chapter, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))

    # Every compile-fail program, its output and its generator appear in the book.
    ui = os.path.join(ROOT, "tests", "ui")
    for directory, _, names in os.walk(ui):
        for name in sorted(names):
            full = os.path.join(directory, name)
            if full not in included:
                error("book", f"`{relative(full)}` is not included anywhere in the book")

    for message in errors:
        print(message, file=sys.stderr)
    if errors:
        print(f"check-includes: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-includes: {len(chapters)} chapters, {len(included)} included files, all resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main("--fix" in sys.argv[1:]))
