#!/usr/bin/env bash
# Side by side, on one machine, on the same data, in one run: `prem report` against the
# same job written in pandas + scipy (+ matplotlib for the charts) by scripts/pandas_report.py.
#
#   bash scripts/compare-with-pandas.sh [PREM_BINARY ...]
#
# Writes national-size sample data (71 VSVs × 12 quarters × 600 births; PREM exports only,
# 1.2 M rows of `;` Windows-1252 CSV) to $WORK (default /tmp/prem-vs-pandas), then times
# with /usr/bin/time -v: every PREM_BINARY given (default target/release/prem; give an older
# build first to compare before and after), pandas without charts and pandas with charts.
# Prints wall time and peak memory of each. Needs python3 with pandas, scipy, matplotlib and
# openpyxl (pip install pandas scipy matplotlib openpyxl).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-/tmp/prem-vs-pandas}"
bins=("$@")
[ ${#bins[@]} -eq 0 ] && bins=("$here/target/release/prem")
mkdir -p "$work"
cd "$work"

if [ ! -f "$work/data/prem-only.toml" ]; then
    "${bins[-1]}" sample --quiet --vsvs 71 --quarters 12 --per-quarter 600 --out "$work/data"
    # The PREM exports only, as a national warehouse holds them (no local enquête).
    sed '/^# The local enquête/,$d' "$work/data/prem.toml" > "$work/data/prem-only.toml"
fi
"${bins[-1]}" codebook show prem-geboortezorg > "$work/codebook.toml"

measure() { # name, command...
    local name="$1"; shift
    rm -rf "$work/out"
    /usr/bin/time -v "$@" > /dev/null 2> "$work/time.txt" || { cat "$work/time.txt"; exit 1; }
    local wall rss cpu
    wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
    cpu=$(grep "Percent of CPU" "$work/time.txt" | awk '{print $NF}')
    printf '%-44s %10s %8.2f GiB %6s CPU\n' "$name" "$wall" "$(echo "$rss / 1048576" | bc -l)" "$cpu"
    # The pandas script's own step times (stderr), indented under its line.
    grep -E '^ *[a-z +/,-]+: +[0-9.]+ s$' "$work/time.txt" | sed 's/^ */      /' || true
}

echo "job                                          wall (m:s)   peak memory"
for bin in "${bins[@]}"; do
    measure "prem report ($bin)" "$bin" report "$work/data/prem-only.toml" --quiet --out "$work/out"
done
exports=("$work"/data/exports/prem-*.csv)
measure "pandas, no charts" python3 "$here/scripts/pandas_report.py" "${exports[@]}" \
    --codebook "$work/codebook.toml" --out "$work/out"
measure "pandas, with charts" python3 "$here/scripts/pandas_report.py" "${exports[@]}" \
    --codebook "$work/codebook.toml" --out "$work/out" --charts
