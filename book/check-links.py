#!/usr/bin/env python3
"""Checks the links of the built book: every relative link and anchor resolves.

check-includes.py reads the Markdown sources; this reads what readers get,
the HTML that `bash book/build.sh` writes to book/book/, so it also covers
the sidebar, print.html, the theme's files, the diagrams and the links into
the API documentation under api/. For every .html page of the book (the
rustdoc pages under api/ are rustdoc's own and are not read, except as
link targets), it resolves every relative `href` and `src` and fails
(exit 1) when:

* the file a link points to does not exist (a link to a directory needs
  its index.html);
* a link's `#fragment` names no `id` (or `<a name>`) in the page it points
  to, rustdoc pages included.

Links with a scheme (`https:`, `mailto:`) are not followed. A page with a
`<base href>` (mdBook's 404.html, whose links are relative to the site's
root wherever it is served) is skipped.

    python3 book/check-links.py [BUILT_BOOK]   (default: book/book)

Standard library only.
"""

import html
import os
import re
import sys
from urllib.parse import unquote, urlsplit

BOOK = os.path.dirname(os.path.abspath(__file__))

# mdBook and rustdoc write well-formed HTML, so regular expressions read it
# (html.parser takes several times as long on the book's 3 MB print.html).
# Comments and the text of scripts and styles hold no links: they are
# blanked first, keeping their newlines for the line numbers.
IGNORED = re.compile(r"<!--.*?-->|(?<=<script)\b[^>]*>.*?(?=</script\s*>)|(?<=<style)\b[^>]*>.*?(?=</style\s*>)",
                     re.S | re.I)
TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class Page:
    """The ids, the links (line, attribute value) and the `<base href>` of a page."""

    def __init__(self, text, collect_links):
        self.ids, self.links, self.base = set(), [], None
        text = IGNORED.sub(self.blank, text)
        line, position = 1, 0
        for tag in TAG.finditer(text):
            name = tag.group(1).lower()
            for attribute in ATTRIBUTE.finditer(tag.group(2)):
                key = attribute.group(1).lower()
                value = attribute.group(2) or attribute.group(3) or attribute.group(4) or ""
                value = html.unescape(value)
                if key == "id" or (key == "name" and name == "a"):
                    self.ids.add(value)
                elif name == "base" and key == "href":
                    self.base = value
                elif collect_links and key in ("href", "src"):
                    line += text.count("\n", position, tag.start())
                    position = tag.start()
                    self.links.append((line, value))


    @staticmethod
    def blank(match):
        """A comment, or a script's or style's text: its newlines only. A
        script or style keeps its opening tag (`<script src=…>`)."""
        text = match.group()
        if text.startswith("<!--"):
            return "\n" * text.count("\n")
        tag_end = text.index(">") + 1
        return text[:tag_end] + "\n" * text.count("\n", tag_end)


def parse(path, collect_links):
    with open(path, encoding="utf-8", errors="replace") as f:
        return Page(f.read(), collect_links)


def main(argv):
    built = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(BOOK, "book"))
    if not os.path.isfile(os.path.join(built, "index.html")):
        print(f"check-links: no built book at {built} (run `bash book/build.sh`)", file=sys.stderr)
        return 1
    api = os.path.join(built, "api")

    pages = []
    for directory, subdirectories, names in os.walk(built):
        if directory == built and "api" in subdirectories:
            subdirectories.remove("api")
        pages += [os.path.join(directory, n) for n in names if n.endswith(".html")]

    ids = {}  # page -> its ids, parsed once; rustdoc pages only when linked to

    def ids_of(path):
        if path not in ids:
            ids[path] = parse(path, False).ids
        return ids[path]

    errors, links, skipped = [], 0, []
    for path in sorted(pages):
        page = parse(path, True)
        ids[path] = page.ids
        where = os.path.relpath(path, built)
        if page.base is not None:
            skipped.append(where)
            continue
        for line, value in page.links:
            value = value.strip()
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith("//"):
                continue
            links += 1
            target = path
            if parts.path:
                target = os.path.normpath(os.path.join(os.path.dirname(path), unquote(parts.path)))
                if value.rstrip("?#").endswith("/") or os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                if not os.path.isfile(target):
                    errors.append(f"{where}:{line}: `{value}`: {os.path.relpath(target, built)} does not exist")
                    continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in ids_of(target):
                errors.append(f"{where}:{line}: `{value}`: {os.path.relpath(target, built)} has no id `{fragment}`")

    for message in errors:
        print(message, file=sys.stderr)
    if skipped:
        print(f"check-links: skipped {', '.join(skipped)} (<base href>)")
    if not os.path.isdir(api):
        print("check-links: warning: no api/ in the built book (build it with book/build.sh)")
    if errors:
        print(f"check-links: {len(errors)} broken link(s)", file=sys.stderr)
        return 1
    print(f"check-links: {len(pages)} pages, {links} relative links, all resolve")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
