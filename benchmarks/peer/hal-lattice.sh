#!/usr/bin/env bash
# Runs (does not build) the HAL peer of the agent engine's 2D lattice benchmarks (issue #16), alternating with
# ResistanceSim on the same model, one process per run, and writes one TSV row per run plus the daily cell counts.
# Usage: hal-lattice.sh <hal-classpath> <driver-class> <runs> <out-prefix> [ticks-per-day] [workloads]
#   <hal-classpath>: HAL's compiled classes and the driver's, already built (e.g. /tmp/hal/classes:/tmp/driver)
#   <driver-class>:  a headless HAL model taking
#                    <x> <y> <cells> <dish|disc> <b/day> <d/day> <days> <ticks/day> <seed> <moore|vn> <curve.csv>,
#                    writing "day,cells" and then one line a day from day 0 to the curve file, and printing
#                    "final_cells=N" and "cell_steps=K" on one line (benchmarks/RESULTS.md describes it)
#   ticks-per-day:   HAL's time step is 1/ticks-per-day days (default 24: one hour)
#   workloads:       "dish disc" (default) or either one
# Needs the Release CLI: dotnet build -c Release src/ResistanceSim.Cli (run from the repository root).
# Writes <out-prefix>.tsv (runs) and <out-prefix>-curves.tsv (day, cells per run).
set -euo pipefail
classpath=$1; driver=$2; runs=$3; prefix=$4; ticks=${5:-24}; workloads=${6:-"dish disc"}
cli=src/ResistanceSim.Cli/bin/Release/net10.0/resistancesim.dll
[ -f "$cli" ] || { echo "build the CLI first: dotnet build -c Release src/ResistanceSim.Cli" >&2; exit 1; }
mkdir -p "$(dirname "$prefix")"
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
# workload -> scenario, HAL arguments (the scenario's lattice, initial cells, layout, b, d, days, neighbourhood)
declare -A scenario=([dish]=benchmarks/scenarios/agents-dish-1e6.yaml [disc]=benchmarks/scenarios/agents-disc-2d-hal.yaml)
declare -A halargs=([dish]="1000 1000 100000 dish 0.6 0.1 30" [disc]="1000 1000 100000 disc 0.6 0.1 100")
printf 'utc\tworkload\ttool\trun\tticks_per_day\twall_s\tcpu_s\tmax_rss_mib\tfinal_cells\twork\tload1\n' > "$prefix.tsv"
printf 'workload\ttool\trun\tday\tcells\n' > "$prefix-curves.tsv"
timed() { /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$@"; }
row() {   # workload tool run ticks final work load
  read -r wall user sys rss < "$scratch/time"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.0f\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$1" "$2" "$3" "$4" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)" "$5" "$6" "$7" >> "$prefix.tsv"
}
for run in $(seq 1 "$runs"); do
  for w in $workloads; do
    # HAL: work = cell steps (cells alive at the start of each tick, summed over ticks)
    load=$(cut -d' ' -f1 /proc/loadavg)
    out=$(timed java -cp "$classpath" "$driver" ${halargs[$w]} "$ticks" "$run" moore "$scratch/curve.csv")
    row "$w" hal "$run" "$ticks" "$(sed -n 's/.*final_cells=\([0-9]*\).*/\1/p' <<< "$out")" \
      "$(sed -n 's/.*cell_steps=\([0-9]*\).*/\1/p' <<< "$out")" "$load"
    tail -n +2 "$scratch/curve.csv" | sed "s/,/\t/; s/^/$w\thal\t$run\t/" >> "$prefix-curves.tsv"
    # ResistanceSim: seed 7 + run; work = expected events, (b + d) × ∫N dt from the daily totals (trapezoid)
    load=$(cut -d' ' -f1 /proc/loadavg)
    rm -rf "$scratch/rs"
    timed dotnet "$cli" run "${scenario[$w]}" --no-plots --threads 1 --format csv --seed $((6 + run)) \
      --out "$scratch/rs" > /dev/null
    totals=$(ls "$scratch"/rs/*/totals/*.csv)
    awk -F, 'NR > 1 { print $4 "\t" $5 }' "$totals" | sed "s/^/$w\tresistancesim\t$run\t/" >> "$prefix-curves.tsv"
    read -r _ _ _ _ b d _ <<< "${halargs[$w]}"
    read -r final events < <(awk -F, -v rate="$(echo "$b + $d" | bc)" 'NR > 2 { s += ($5 + p) / 2 * ($4 - t) }
      NR > 1 { p = $5; t = $4 } END { printf "%d %.4g\n", p, rate * s }' "$totals")
    row "$w" resistancesim "$run" - "$final" "$events" "$load"
  done
done
