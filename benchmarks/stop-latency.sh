#!/usr/bin/env bash
# Time from SIGTERM to exit of a long run on each engine (docs/reliability.md, "Cancellation").
# Usage: benchmarks/stop-latency.sh   (after `dotnet build src/ResistanceSim.Cli`)
# Each run starts, gets SIGTERM after 3 s, and is timed until it ends; prints the exit code (130
# expected), the stop time and whether the resume hint was printed.
set -uo pipefail
cd "$(dirname "$0")/.."
cli=(dotnet src/ResistanceSim.Cli/bin/Debug/net10.0/resistancesim.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r scenarios/presets "$work/"
# The quickstart for 20,000 days with samples every 5,000 days: one advance spans millions of events.
sed -e 's/days: 60$/days: 20000/' -e 's/stop: { days: 60 }/stop: { days: 20000 }/' -e 's/every_days: 1,/every_days: 5000,/' \
  scenarios/quickstart.yaml > "$work/long.yaml"
cp scenarios/profile-1014-virtual-trial.yaml "$work/"

measure() {
  local scenario=$1 engine=$2; shift 2
  local out="$work/out-$engine-$RANDOM"
  "${cli[@]}" run "$work/$scenario" --out "$out" --engine "$engine" --threads 2 --no-plots "$@" >/dev/null 2>"$work/err" &
  local pid=$!
  sleep 3
  local t0; t0=$(date +%s.%N)
  kill -TERM "$pid"
  wait "$pid"; local rc=$?
  local t1; t1=$(date +%s.%N)
  printf '%-34s %-7s exit=%s stop=%.3f s resume-hint=%s\n' "$scenario $*" "$engine" "$rc" "$(echo "$t1 - $t0" | bc)" \
    "$(grep -q -- '--resume' "$work/err" && echo yes || echo no)"
}

for engine in exact hybrid tau; do measure long.yaml "$engine"; done
measure long.yaml ode --replicates 5000
measure profile-1014-virtual-trial.yaml exact --patients 4
measure profile-1014-virtual-trial.yaml hybrid --patients 40
