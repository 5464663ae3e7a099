#!/usr/bin/env python3
"""Fails on a relative link or #anchor in README.md or docs/**/*.md that points nowhere.

Usage: scripts/check-links.py [REPO_ROOT]   (default: the folder above this script)

Checked: inline links and images `[text](target)` outside fenced code blocks and code spans.
Web links (http:, https:, mailto:) are not fetched. A relative target must exist (file or
folder); an #anchor in a Markdown file must match one of its headings, slugged as GitHub does
(lower case, punctuation dropped, spaces to '-', repeats numbered -1, -2, ...), or an explicit
<a id="..."> / <a name="...">. Python standard library only; exit 0 all good, 1 broken links.
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
HTML_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"", re.I)


def pages():
    found = [os.path.join(ROOT, "README.md")]
    for folder, _, files in os.walk(os.path.join(ROOT, "docs")):
        found += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".md")]
    return [p for p in found if os.path.isfile(p)]


def prose_lines(path):
    """(line number, text) of the lines outside fenced code blocks."""
    fence = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = FENCE.match(line)
            if m:
                if fence is None:
                    fence = m.group(1)
                elif m.group(1) == fence:
                    fence = None
                continue
            if fence is None:
                yield number, line.rstrip("\n")


def slug(heading):
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links keep their text
    text = CODE_SPAN.sub(lambda m: m.group(2), text)
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)  # GitHub keeps letters, digits, _, - and spaces
    return text.replace(" ", "-")


_anchors = {}


def anchors(path):
    if path not in _anchors:
        seen, found = {}, set()
        for _, line in prose_lines(path):
            found.update(HTML_ANCHOR.findall(line))
            m = HEADING.match(line)
            if not m:
                continue
            base = slug(m.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
        _anchors[path] = found
    return _anchors[path]


def main():
    broken = []
    checked = 0
    for page in pages():
        for number, line in prose_lines(page):
            line = CODE_SPAN.sub("", line)
            for target in LINK.findall(line):
                if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                    continue
                checked += 1
                where = f"{os.path.relpath(page, ROOT)}:{number}: ({target})"
                path, _, anchor = target.partition("#")
                dest = page if not path else os.path.normpath(
                    os.path.join(os.path.dirname(page), path))
                if not os.path.exists(dest):
                    broken.append(f"{where} no such file {os.path.relpath(dest, ROOT)}")
                elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                    broken.append(f"{where} no heading #{anchor} in {os.path.relpath(dest, ROOT)}")
    for b in broken:
        print(f"BROKEN {b}")
    print(f"check-links: {checked} relative links in {len(pages())} pages, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
