#!/usr/bin/env python3
"""Rust files and functions too long outside tests (issue 25: files under ~1,000 lines,
functions under ~100).

    scripts/long_fns.py [--fn-limit 100] [--file-limit 1000] PATH...

PATH is a .rs file or a folder (searched for .rs files). Prints every function longer than
the fn limit (from its `fn` line to its closing brace) and every file with more lines than
the file limit outside `#[cfg(test)]` items, longest first. Exit status 1 when it printed
anything.

Brace matching over the text with comments, strings (also raw strings) and char literals
blanked out (lifetimes kept). A nested fn is reported on its own and counted in its parent.
"""
import argparse
import os
import re
import sys


def blank_out(src):
    """src with comments, strings and char literals replaced by spaces (newlines kept)."""
    out = list(src)
    i, n = 0, len(src)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != '\n':
                out[k] = ' '

    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif src.startswith('/*', i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith('/*', j):
                    depth, j = depth + 1, j + 2
                elif src.startswith('*/', j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(i, j)
            i = j
        elif (m := re.compile(r'b?r(#*)"').match(src, i)) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == '_')):
            end = '"' + m.group(1)
            j = src.find(end, m.end())
            j = n if j < 0 else j + len(end)
            blank(i, j)
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            blank(i, j + 1)
            i = j + 1
        elif c == "'":
            m = re.compile(r"'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'])'", re.S).match(src, i)
            if m:
                blank(i, m.end())
                i = m.end()
            else:  # a lifetime
                i += 1
        else:
            i += 1
    return ''.join(out)


def close_brace(text, open_at):
    depth = 0
    for k in range(open_at, len(text)):
        if text[k] == '{':
            depth += 1
        elif text[k] == '}':
            depth -= 1
            if depth == 0:
                return k
    return len(text) - 1


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def scan(path, limit):
    """(long functions, lines outside #[cfg(test)] items) of one file."""
    src = open(path, encoding='utf-8').read()
    text = blank_out(src)
    # Ranges of #[cfg(test)] items (a mod, a fn, an impl): from the attribute to the
    # item's closing brace.
    test_ranges = []
    for m in re.finditer(r'#\[cfg\(test\)\]', text):
        brace = text.find('{', m.end())
        semi = text.find(';', m.end())
        if brace < 0 or (0 <= semi < brace):
            continue
        test_ranges.append((m.start(), close_brace(text, brace)))
    found = []
    for m in re.finditer(r'\bfn\s+([A-Za-z_][A-Za-z0-9_]*)', text):
        # The body: the first '{' after the signature at paren/angle depth 0, unless a ';'
        # (a declaration) comes first.
        k, paren = m.end(), 0
        while k < len(text):
            ch = text[k]
            if ch in '([':
                paren += 1
            elif ch in ')]':
                paren -= 1
            elif ch == ';' and paren == 0:
                k = -1
                break
            elif ch == '{' and paren == 0:
                break
            k += 1
        if k < 0 or k >= len(text):
            continue
        end = close_brace(text, k)
        first, last = line_of(text, m.start()), line_of(text, end)
        in_test = any(a <= m.start() <= b for a, b in test_ranges)
        lines = last - first + 1
        if lines > limit and not in_test:
            found.append((lines, path, first, last, m.group(1)))
    test_lines = set()
    for a, b in test_ranges:
        test_lines.update(range(line_of(text, a), line_of(text, b) + 1))
    outside = src.count('\n') + (not src.endswith('\n')) - len(test_lines)
    return found, outside


def rust_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                yield from sorted(os.path.join(root, f) for f in files if f.endswith('.rs'))
        else:
            yield p


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--fn-limit', type=int, default=100)
    parser.add_argument('--file-limit', type=int, default=1000)
    parser.add_argument('paths', nargs='+')
    args = parser.parse_args()
    fns, files = [], []
    for path in rust_files(args.paths):
        found, outside = scan(path, args.fn_limit)
        fns += found
        if outside > args.file_limit:
            files.append((outside, path))
    for lines, path in sorted(files, reverse=True):
        print(f'{lines:5} {path} (lines outside tests)')
    for lines, path, first, last, name in sorted(fns, reverse=True):
        print(f'{lines:5} {path}:{first}-{last} fn {name}')
    return 1 if fns or files else 0


if __name__ == '__main__':
    sys.exit(main())
