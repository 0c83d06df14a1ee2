#!/usr/bin/env bash
# Coverage-guided fuzzing of the scenario loader (YAML → validated scenario) with AFL++ and SharpFuzz.
#   fuzz/run-afl.sh [SECONDS] [WORK_DIR]
# Seeds: the bundled scenarios and benchmark scenarios, and every kept regression input (fuzz/regressions/).
# Prints "fuzz: N executions, N crashes, N hangs" last; exits 1 when AFL++ found a crash or a hang, and leaves
# the inputs under WORK_DIR/findings/default/{crashes,hangs} (replay one with
# `dotnet WORK_DIR/bin/ResistanceSim.Fuzz.dll FILE` for its stack trace; keep it in fuzz/regressions/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
work=${2:-$(mktemp -d)}
mkdir -p "$work"

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi
dotnet tool restore >/dev/null

# Instrument the code under test (and the YAML parser, so coverage guides the mutations through it) in place.
dotnet publish fuzz/ResistanceSim.Fuzz -o "$work/bin" -v quiet -nologo >/dev/null
for dll in ResistanceSim.Scenarios.dll ResistanceSim.Model.dll YamlDotNet.dll; do
  dotnet tool run sharpfuzz "$work/bin/$dll" >/dev/null
done
rm -rf "$work/bin/presets" && cp -r scenarios/presets "$work/bin/presets"

rm -rf "$work/seeds" "$work/findings" && mkdir -p "$work/seeds"
cp scenarios/*.yaml benchmarks/scenarios/*.yaml "$work/seeds/"
cp fuzz/regressions/*.yaml "$work/seeds/" 2>/dev/null || true

# dotnet itself is not instrumented (SharpFuzz instruments the assemblies), hence SKIP_BIN_CHECK; the
# run is a CI step, not an interactive session, hence NO_UI and no CPU-governor check.
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_NO_AFFINITY=1 AFL_AUTORESUME=0 \
  afl-fuzz -i "$work/seeds" -o "$work/findings" -t 10000 -m none -V "$seconds" \
  -- dotnet "$work/bin/ResistanceSim.Fuzz.dll" > "$work/afl.log" 2>&1 || { tail -30 "$work/afl.log"; echo "fuzz: afl-fuzz failed"; exit 1; }

stats="$work/findings/default/fuzzer_stats"
stat() { awk -F' *: *' -v k="$1" '$1 == k {print $2}' "$stats"; }
execs=$(stat execs_done); crashes=$(stat saved_crashes); hangs=$(stat saved_hangs)
for kind in crashes hangs; do
  for f in "$work/findings/default/$kind"/id:*; do [ -e "$f" ] && echo "$kind: $f"; done
done
echo "fuzz: $execs executions, $crashes crashes, $hangs hangs ($(stat corpus_count) corpus entries, $(stat bitmap_cvg) coverage, ${seconds} s)"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
