#!/usr/bin/env python3
"""Every relative link in README.md, CHANGELOG.md and docs/ resolves: the file exists and,
for a link to a Markdown heading (`file.md#anchor`), the heading does, with anchors made
as GitHub makes them. Prints each broken link; exit 1 when there is one.

    python3 scripts/check_links.py [FILE.md ...]
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")


def anchors(md: pathlib.Path) -> set:
    """GitHub's heading anchors: lower case, markup and punctuation dropped, spaces to '-',
    a repeated anchor numbered."""
    seen, out, fence = {}, set(), False
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = not fence
        if fence or not re.match(r"#{1,6} ", line):
            continue
        text = line.lstrip("#").strip().lower()
        text = re.sub(r"[^\w\- ]", "", text)  # \w keeps letters with accents, digits, _
        slug = text.replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def links(md: pathlib.Path):
    """(line, target) of every link outside code, also of a link whose text wraps."""
    lines, fence = [], False
    for line in md.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fence = not fence
            line = ""
        lines.append("" if fence else line)
    text = re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group()), "\n".join(lines))
    for m in LINK.finditer(text):
        yield text.count("\n", 0, m.start()) + 1, m.group(1)


def main(files) -> int:
    broken = 0
    for md in files:
        for number, target in links(md):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            path, _, anchor = target.partition("#")
            dest = (md.parent / path).resolve() if path else md
            problem = None
            if not dest.exists():
                problem = "no such file"
            elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
                problem = "no such heading"
            if problem:
                broken += 1
                print(f"{md.relative_to(ROOT)}:{number}: {target}: {problem}")
    return 1 if broken else 0


if __name__ == "__main__":
    args = [pathlib.Path(a).resolve() for a in sys.argv[1:]]
    if not args:
        args = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").rglob("*.md"))]
    sys.exit(main([a for a in args if a.exists()]))
