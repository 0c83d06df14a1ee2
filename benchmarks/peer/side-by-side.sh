#!/usr/bin/env bash
# Runs (does not install) OncoSimulR and ResistanceSim side by side on the McFarland benchmark, alternating one
# peer run with one run of ours, and writes one TSV row per run: wall time, the seed and the 1-minute load at its
# start (issue #19, "hybrid vs OncoSimulR"). Summarise with side-by-side-summary.py.
# Usage (from the repository root): benchmarks/peer/side-by-side.sh <division|vignette> <1e9|1e10|1e11> <pairs> <first-seed> [out.tsv]
#   division: mutation at mu per gene per division (mcfl-<size>.yaml; oncosimulr-mcfl.R with mutationPropGrowth TRUE)
#   vignette: the vignette's call, mu per cell per unit time (mcfl-vignette-<size>.yaml; mutationPropGrowth FALSE)
#   pair k (k = 0 … pairs−1) uses seed first-seed + k on every side: R's set.seed for the peer, the replicate for
#   the `runs` harness (scenario seed, replicate first-seed + k), --seed for whole processes (replicate 0)
#   out.tsv: default benchmarks/peer/data/side-by-side-<model>-<size>-seeds<first>-<last>.tsv (appended to if present)
# Environment:
#   R_LIBS     the R library holding OncoSimulR (required; e.g. a private library under /tmp)
#   SIDES      our sides, in the order run after (or before) each peer run; default "runs process". Each of:
#              runs     the `runs` harness (ResistanceSim.Benchmarks, Release): one timed run after one untimed warm-up
#                       run in the same process, 1-day sampling to match OncoSimulR's keepEvery = 1; wall_s is the run
#              process  a whole `resistancesim run <scenario> --replicates 1 --seed S --out DIR` process of the IL
#                       Release build (dotnet bin/Release/net10.0/resistancesim.dll; plots and report included)
#              tool     the same with the installed .NET tool (ReadyToRun), $TOOL
#   TOOL       path of the installed tool's `resistancesim` (for the `tool` side)
#   PEER_MAX_WALL  OncoSimulR's max.wall.time in s (default 5400); a run that hits it gets num_clones NA
#   UNTIL      a time `date -d` understands (e.g. "17:55 UTC"): no pair starts after it (for "as many pairs as time allows")
# Every process runs at the script's own niceness (recorded per row): start the script with `nice -n N` to change
# both sides alike. Pairs 0, 2, 4 … run the peer first, pairs 1, 3, … ours first. Needs the Release builds:
#   dotnet build -c Release src/ResistanceSim.Cli && dotnet build -c Release benchmarks/ResistanceSim.Benchmarks
# TSV columns: utc (start), model, size, pair, side, seed, wall_s (OncoSimulR: its system.time of the simulation;
# runs: the harness's time of the run; process/tool: the whole process), process_s (the whole process, start-up
# included), cpu_s (user + system of the process), run_cpu_s (CPU time of the run alone: OncoSimulR's system.time
# user + system; the harness's process CPU during the run; process/tool: cpu_s. NA in OncoSimulR rows whose CSV
# predates the column. A loaded machine inflates it far less than wall time), load1 (/proc/loadavg's 1-minute load at the start), nice,
# end_day, genotypes (OncoSimulR's NumClones; the harness's genotypes sampled), attempts (OncoSimulR's attemptsUsed),
# peak_mib (OncoSimulR: VmHWM of its R process; runs: peak working set; process/tool: max RSS)
set -euo pipefail
model=$1; size=$2; pairs=$3; first=$4
case $model in
  division) scenario=benchmarks/scenarios/mcfl-$size.yaml; prop_growth=TRUE ;;
  vignette) scenario=benchmarks/scenarios/mcfl-vignette-$size.yaml; prop_growth=FALSE ;;
  *) echo "model must be division or vignette" >&2; exit 2 ;;
esac
[ -f "$scenario" ] || { echo "no scenario $scenario" >&2; exit 2; }
out=${5:-benchmarks/peer/data/side-by-side-$model-$size-seeds$first-$((first + pairs - 1)).tsv}
sides=${SIDES:-"runs process"}
max_wall=${PEER_MAX_WALL:-5400}
[ -n "${R_LIBS:-}" ] || { echo "set R_LIBS to the R library holding OncoSimulR" >&2; exit 2; }
export R_LIBS
cli=src/ResistanceSim.Cli/bin/Release/net10.0/resistancesim.dll
bench=benchmarks/ResistanceSim.Benchmarks/bin/Release/net10.0/ResistanceSim.Benchmarks.dll
for side in $sides; do
  case $side in
    runs) [ -f "$bench" ] || { echo "build first: dotnet build -c Release benchmarks/ResistanceSim.Benchmarks" >&2; exit 2; } ;;
    process) [ -f "$cli" ] || { echo "build first: dotnet build -c Release src/ResistanceSim.Cli" >&2; exit 2; } ;;
    tool) [ -x "${TOOL:-}" ] || { echo "set TOOL to the installed tool's resistancesim" >&2; exit 2; } ;;
    *) echo "unknown side $side" >&2; exit 2 ;;
  esac
done
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
mkdir -p "$(dirname "$out")"
[ -s "$out" ] || printf 'utc\tmodel\tsize\tpair\tside\tseed\twall_s\tprocess_s\tcpu_s\trun_cpu_s\tload1\tnice\tend_day\tgenotypes\tattempts\tpeak_mib\n' > "$out"
niceness=$(ps -o ni= -p $$ | tr -d ' ')
timed() { /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$@"; }
row() {   # pair side seed wall end_day genotypes attempts peak_mib run_cpu (process figures from $scratch/time)
  read -r pwall user sys rss < <(tail -n 1 "$scratch/time")
  cpu=$(printf '%.2f' "$(echo "$user + $sys" | bc)")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$started" "$model" "$size" "$1" "$2" "$3" \
    "${4:-$pwall}" "$pwall" "$cpu" "${9:-$cpu}" "$load" "$niceness" "$5" "$6" "$7" "${8:-$((rss / 1024))}" >> "$out"
  tail -n 1 "$out" >&2
}
start() { started=$(date -u +%FT%TZ); load=$(cut -d' ' -f1 /proc/loadavg); }
peer() {   # pair seed
  start
  rm -f "$scratch/peer.csv"
  timed Rscript benchmarks/peer/oncosimulr-mcfl.R "$size" 1 "$2" "$scratch/peer.csv" "$prop_growth" 0.025 TRUE "$max_wall" \
    > "$scratch/peer.log" 2>&1 || { cat "$scratch/peer.log" >&2; [ -s "$scratch/peer.csv" ] || exit 1; }
  # the CSV's columns by name (oncosimulr-mcfl.R's header; cpu_s is NA when absent)
  read -r wall clones day peak attempts run_cpu < <(awk -F, 'NR == 1 { gsub(/"/, ""); for (i = 1; i <= NF; i++) h[$i] = i }
    NR == 2 { print $h["wall_s"], $h["num_clones"], $h["final_time"], $h["peak_rss_mib"], $h["attempts"], ("cpu_s" in h ? $h["cpu_s"] : "NA") }' "$scratch/peer.csv")
  row "$1" oncosimulr "$2" "$wall" "$day" "$clones" "$attempts" "$(printf '%.0f' "$peak")" "$run_cpu"
}
ours() {   # pair seed side
  start
  case $3 in
    runs)
      timed dotnet "$bench" runs "$scenario" hybrid 1 1 "$2" > "$scratch/runs.log"
      line=$(grep '^replicate ' "$scratch/runs.log")
      row "$1" runs "$2" "$(sed -E 's/^replicate [0-9]+: ([0-9.]+) s.*/\1/' <<< "$line")" \
        "$(sed -E 's/.*end day ([0-9.]+),.*/\1/' <<< "$line")" "$(sed -E 's/.* ([0-9]+) genotypes sampled.*/\1/' <<< "$line")" NA \
        "$(sed -nE 's/.*peak working set ([0-9]+) MiB.*/\1/p' "$scratch/runs.log")" "$(sed -nE 's/.*; cpu ([0-9.]+) s$/\1/p' <<< "$line" | grep . || echo NA)" ;;
    process|tool)
      rm -rf "$scratch/out"
      if [ "$3" = process ]; then command=(dotnet "$cli"); else command=("$TOOL"); fi
      timed "${command[@]}" run "$scenario" --replicates 1 --seed "$2" --out "$scratch/out" > "$scratch/run.log" 2>&1 \
        || { cat "$scratch/run.log" >&2; exit 1; }
      row "$1" "$3" "$2" "" NA NA NA ;;
  esac
}
until_s=$(date -d "${UNTIL:-2999-01-01}" +%s)
for pair in $(seq 0 $((pairs - 1))); do
  (( $(date +%s) < until_s )) || { echo "stopping before pair $pair: past $UNTIL" >&2; break; }
  seed=$((first + pair))
  if (( pair % 2 == 0 )); then
    peer "$pair" "$seed"; for side in $sides; do ours "$pair" "$seed" "$side"; done
  else
    for side in $sides; do ours "$pair" "$seed" "$side"; done; peer "$pair" "$seed"
  fi
done
echo "wrote $out" >&2
