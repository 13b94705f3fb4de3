#!/usr/bin/env bash
# The guard for changes that must not change what prem writes (a refactor, a move of
# files): runs a reference build and the current build on data-samples/ and compares every
# file they write byte for byte.
#
#   scripts/same-bytes.sh REFERENCE_PREM [NEW_PREM]
#
# REFERENCE_PREM is a `prem` built from the commit before the change (copy it aside before
# building the change); NEW_PREM defaults to the debug build in $CARGO_TARGET_DIR (or
# target/). Written: the Dutch and the English report (all VSVs and the region), the shared
# comparison, the year chapter, `prem share`, `prem validate`, `prem sample` and
# `prem init`, each with the terminal text. Exit 0 when every file is identical.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: scripts/same-bytes.sh REFERENCE_PREM [NEW_PREM]}
new=${2:-${CARGO_TARGET_DIR:-target}/debug/prem}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # run NAME BINARY: every job into $work/NAME (made in $work/run, so that paths
  # written into files are the same for both builds)
  local out="$work/run" bin
  bin=$(realpath "$2")
  mkdir -p "$out"
  cp -r data-samples "$out/data"
  sed 's/^language = "nl"/language = "en"/' data-samples/prem.toml >"$out/data/prem-en.toml"
  (
    cd "$out/data"
    "$bin" report prem.toml --out ../nl --quiet >../report-nl.txt 2>&1 || echo "exit $?" >>../report-nl.txt
    "$bin" report prem-en.toml --out ../en --quiet >../report-en.txt 2>&1 || echo "exit $?" >>../report-en.txt
    "$bin" report samen/regio/prem.toml --out ../samen --quiet >../samen.txt 2>&1 || echo "exit $?" >>../samen.txt
    "$bin" jaarverslag prem.toml --year 2026 --out ../jaar --quiet >../jaar.txt 2>&1 || echo "exit $?" >>../jaar.txt
    "$bin" validate prem.toml >../validate.txt 2>&1 || echo "exit $?" >>../validate.txt
    "$bin" validate prem-en.toml >../validate-en.txt 2>&1 || echo "exit $?" >>../validate-en.txt
    "$bin" share prem.toml --out ../share.json --date 2026-10-01 >../share.txt 2>&1 || echo "exit $?" >>../share.txt
    "$bin" sample --out ../sample >../sample.txt 2>&1 || echo "exit $?" >>../sample.txt
    "$bin" init exports/* --out ../init >../init.txt 2>&1 || echo "exit $?" >>../init.txt
  )
  rm -rf "$out/data"
  mv "$out" "$work/$1"
}
run ref "$ref"
run new "$new"
if diff -rq "$work/ref" "$work/new"; then
  echo "identical: $(find "$work/new" -type f | wc -l) files"
else
  echo "DIFFERENT (see above)" >&2
  exit 1
fi
