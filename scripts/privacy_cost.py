#!/usr/bin/env python3
"""privacy_cost.py: what a change of disclosure rules costs, from two `tables/scores.csv`.

Reads the scores.csv of the same data reported by two prem versions (OLD, then NEW) and
prints Markdown tables: per level (region, region x care type, VSV over care types,
VSV x care type, organisation) and measure kind (theme, item, grade, NPS) the cells shown
by each version, the cells the new rules hide (shown old, hidden new) and any cell shown new
but hidden old; then, for the cells shown by both, how many changed their mean, whether their
set of clients visibly changed (n or `covers`), and the largest absolute change.

A cell is one row, keyed by period, vsv, organisation, care_type, theme, item (see
docs/reference/outputs.md, "scores.csv columns"); it is shown when its status is not
`suppressed`. Every period in the file counts, unless --period is given.

Usage:
  python3 scripts/privacy_cost.py OLD/tables/scores.csv NEW/tables/scores.csv [--period 2026-Q3]

Python 3 standard library only.
"""

import argparse
import csv
import sys

KEY = ("period", "vsv", "organisation", "care_type", "theme", "item")
LEVELS = ["region", "region × care type", "VSV", "VSV × care type", "organisation",
          "organisation (over care types)"]
KINDS = ["theme", "item", "grade", "NPS"]


def level(row):
    if not row["vsv"]:
        return "region" if not row["care_type"] else "region × care type"
    if row["organisation"]:
        return "organisation" if row["care_type"] else "organisation (over care types)"
    return "VSV" if not row["care_type"] else "VSV × care type"


def kind(row):
    if row["theme"] == "nps":
        return "NPS"
    if row["theme"] == "rapportcijfer":
        return "grade"
    return "item" if row["item"] else "theme"


def shown(row):
    return row["status"] != "suppressed"


def read(path, period):
    cells = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if period and row["period"] != period:
                continue
            key = tuple(row[k] for k in KEY)
            if key in cells:
                sys.exit(f"{path}: cell {key} appears twice")
            if shown(row) and (row["n"] == "" or row["mean"] == ""):
                sys.exit(f"{path}: shown cell {key} has no n or mean")
            cells[key] = row
    return cells


def pct(part, whole):
    return f"{100.0 * part / whole:.1f} %" if whole else "–"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old", help="scores.csv of the old version")
    ap.add_argument("new", help="scores.csv of the new version")
    ap.add_argument("--period", help="count only this period (default: every period)")
    args = ap.parse_args()

    old = read(args.old, args.period)
    new = read(args.new, args.period)

    # counts[(level, kind)] = [cells, shown old, shown new, hidden new (shown old), shown new (hidden old)]
    counts = {}
    only_old = only_new = 0
    # per level: [both shown, mean changed, of which n or covers changed, of which same n+covers]
    means = {}
    largest = (0.0, None)
    largest_same = (0.0, None)
    for key in sorted(set(old) | set(new)):
        o, n = old.get(key), new.get(key)
        row = o or n
        lk = (level(row), kind(row))
        c = counts.setdefault(lk, [0, 0, 0, 0, 0])
        c[0] += 1
        if o is None:
            only_new += 1
        if n is None:
            only_old += 1
        so = o is not None and shown(o)
        sn = n is not None and shown(n)
        c[1] += so
        c[2] += sn
        c[3] += so and not sn
        c[4] += sn and not so
        if so and sn:
            m = means.setdefault(lk[0], [0, 0, 0, 0])
            m[0] += 1
            d = abs(float(n["mean"]) - float(o["mean"]))
            if d > 0:
                m[1] += 1
                clients_changed = o["n"] != n["n"] or o["covers"] != n["covers"]
                if clients_changed:
                    m[2] += 1
                else:
                    m[3] += 1
                    if d > largest_same[0]:
                        largest_same = (d, key, o, n)
                if d > largest[0]:
                    largest = (d, key, o, n)

    print(f"Cells of `{args.old}` (old) against `{args.new}` (new)"
          + (f", period {args.period}" if args.period else ", every period") + ".\n")
    print("| level | measure | cells | shown old | shown new | hidden by the new rules "
          "| % of shown old | shown new, hidden old |")
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    total = [0, 0, 0, 0, 0]
    for lv in LEVELS:
        sub = [0, 0, 0, 0, 0]
        rows = [(k, counts[(lv, k)]) for k in KINDS if (lv, k) in counts]
        if not rows:
            continue
        for k, c in rows:
            print(f"| {lv} | {k} | {c[0]} | {c[1]} | {c[2]} | {c[3]} | {pct(c[3], c[1])} | {c[4]} |")
            sub = [a + b for a, b in zip(sub, c)]
        print(f"| **{lv}** | **all** | **{sub[0]}** | **{sub[1]}** | **{sub[2]}** | **{sub[3]}** "
              f"| **{pct(sub[3], sub[1])}** | **{sub[4]}** |")
        total = [a + b for a, b in zip(total, sub)]
    print(f"| **all levels** | **all** | **{total[0]}** | **{total[1]}** | **{total[2]}** "
          f"| **{total[3]}** | **{pct(total[3], total[1])}** | **{total[4]}** |")
    if only_old or only_new:
        print(f"\nCells in one file only: {only_old} only old, {only_new} only new "
              "(counted as hidden in the other).")

    print("\nMeans of the cells shown by both:\n")
    print("| level | shown by both | mean changed | of which n or covers changed "
          "| of which same n and covers |")
    print("|---|--:|--:|--:|--:|")
    tot = [0, 0, 0, 0]
    for lv in LEVELS:
        if lv in means:
            m = means[lv]
            print(f"| {lv} | {m[0]} | {m[1]} | {m[2]} | {m[3]} |")
            tot = [a + b for a, b in zip(tot, m)]
    print(f"| **all** | **{tot[0]}** | **{tot[1]}** | **{tot[2]}** | **{tot[3]}** |")

    def describe(entry):
        d, key, o, n = entry
        where = ", ".join(f"{k}={v}" for k, v in zip(KEY, key) if v)
        return (f"{d:.4f} ({where}: mean {o['mean']} → {n['mean']}, n {o['n']} → {n['n']}"
                + (f", covers '{o['covers']}' → '{n['covers']}'" if o["covers"] != n["covers"] else "")
                + ")")

    print()
    print("Largest absolute change of a shown mean: "
          + (describe(largest) if largest[1] else "none") + ".")
    print("Largest with the same n and covers: "
          + (describe(largest_same) if largest_same[1] else "none") + ".")


if __name__ == "__main__":
    main()
