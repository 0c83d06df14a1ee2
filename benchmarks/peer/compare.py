#!/usr/bin/env python3
"""Compares ResistanceSim runs (the `runs` lines of benchmarks/ResistanceSim.Benchmarks) with OncoSimulR runs
(the CSV of oncosimulr-mcfl.R): medians, and a two-sample Kolmogorov-Smirnov test on the time to the detection
size and on the genotypes alive at some sample (OncoSimulR's NumClones: the distinct genotypes in its output kept
every keepEvery = 1 day; run the harness with a 1-day sampling interval to match). p-values use the asymptotic Kolmogorov distribution with the
Stephens (1970) small-sample correction (Numerical Recipes' probks); with 40 runs a side the test detects
shifts of roughly 0.3 standard deviations or more.
When the log carries the clone-concentration integrals, it also weights our runs by the chance that OncoSimulR would
have kept them rather than restarted them (see CloneConcentration.cs) and repeats the comparison.
Usage: compare.py <ours.log> <peer.csv> [<peer.csv> ...]   (several CSVs are pooled)"""
import csv, math, re, statistics, sys

def kolmogorov_q(x):
    if x < 1e-3:
        return 1.0
    return max(0.0, min(1.0, 2 * sum((-1) ** (j - 1) * math.exp(-2 * j * j * x * x) for j in range(1, 101))))

def mean_se(x):
    return f"{statistics.mean(x):.1f} ± {statistics.stdev(x) / math.sqrt(len(x)):.1f}"

def ks(a, b):
    a, b = sorted(a), sorted(b)
    d = max(abs(sum(v <= x for v in a) / len(a) - sum(v <= x for v in b) / len(b)) for x in a + b)
    en = math.sqrt(len(a) * len(b) / (len(a) + len(b)))
    return d, kolmogorov_q((en + 0.12 + 0.11 / en) * d)

lines = open(sys.argv[1]).read().splitlines()
ours = [re.search(r"replicate \d+: ([\d.]+) s, end day ([\d.]+), .* (\d+) living clones, (\d+) genotypes sampled", line) for line in lines]
ours = [(float(m[1]), float(m[2]), int(m[4])) for m in ours if m]
# ∫N dt and ∫Σνn² dt per run (benchmarks/ResistanceSim.Benchmarks/CloneConcentration.cs), when the log has them
integrals = [re.search(r"integral N dt ([\d.e+]+), integral sum nu n\^2 dt ([\d.e+]+)", line) for line in lines]
integrals = [(float(m[1]), float(m[2])) for m in integrals if m]
rows = [r for path in sys.argv[2:] for r in csv.DictReader(open(path))]
unfinished = [r for r in rows if r["num_clones"] == "NA"]   # OncoSimulR stopped at its max.wall.time
if unfinished:
    print(f"OncoSimulR runs stopped unfinished at their wall-time limit: {len(unfinished)} (after {', '.join(r['wall_s'] for r in unfinished)} s)")
number = lambda text: math.nan if text == "NA" else float(text)   # NA: not recorded (transcribed rows)
peer = [(float(r["wall_s"]), float(r["final_time"]), int(r["num_clones"]), number(r["peak_rss_mib"])) for r in rows if r["num_clones"] != "NA"]
print(f"runs: ResistanceSim {len(ours)}, OncoSimulR {len(peer)}")
attempts = [int(r["attempts"]) for r in rows if r.get("attempts") not in (None, "NA")]
if attempts:   # OncoSimulR restarts a run from scratch when a large clone gives "ti set to DBL_MIN"
    print(f"OncoSimulR restarts: {sum(a - 1 for a in attempts)} over {len(attempts)} runs with the count recorded"
          f" ({sum(a > 1 for a in attempts)} runs restarted at least once)")
print(f"wall time per run, median: ResistanceSim {statistics.median(o[0] for o in ours):.2f} s, OncoSimulR {statistics.median(p[0] for p in peer):.2f} s"
      f" (ratio {statistics.median(p[0] for p in peer) / statistics.median(o[0] for o in ours):.0f}x); OncoSimulR peak RSS {max((p[3] for p in peer if not math.isnan(p[3])), default=math.nan):.0f} MiB")
for name, i, j in [("time to detection size (days)", 1, 1), ("genotypes alive at some daily sample (OncoSimulR NumClones)", 2, 2)]:
    a, b = [o[i] for o in ours], [p[j] for p in peer]
    d, p = ks(a, b)
    print(f"{name}: median {statistics.median(a):.1f} vs {statistics.median(b):.1f}; mean {mean_se(a)} vs {mean_se(b)}; KS D = {d:.3f}, p = {p:.3f}")

def weighted_ks(a, weights, b):
    """KS distance between the weighted ECDF of a and the ECDF of b; p from the effective sample size (Kish)."""
    total = sum(weights)
    pairs = sorted(zip(a, weights))
    b = sorted(b)
    d = 0.0
    for x in sorted(set(a) | set(b)):
        fa = sum(w for v, w in pairs if v <= x) / total
        fb = sum(v <= x for v in b) / len(b)
        d = max(d, abs(fa - fb))
    n_eff = total * total / sum(w * w for w in weights)
    en = math.sqrt(n_eff * len(b) / (n_eff + len(b)))
    return d, kolmogorov_q((en + 0.12 + 0.11 / en) * d), n_eff

if len(integrals) == len(ours) and any(i[1] > 0 for i in integrals):
    # OncoSimulR discards a run and starts again when a clone's redrawn mutation time rounds to 0, with probability
    # ≈ n·2^-54 per draw; draws come 40 times a day per clone and at each mutation event (parent, and the receiving
    # clone: k = 1..2). Weighting our runs by the chance that OncoSimulR would have kept them emulates that selection.
    for k in (1, 2):
        weights = [math.exp(-2.0 ** -54 * (40 * cell_days + k * squared)) for cell_days, squared in integrals]
        kept = statistics.mean(weights)
        print(f"emulating OncoSimulR's restarts (k = {k}): it would keep {kept:.2f} of runs, i.e. {1 / kept - 1:.2f} restarts per run")
        for name, i, j in [("time to detection size", 1, 1), ("genotypes sampled", 2, 2)]:
            a, b = [o[i] for o in ours], [p[j] for p in peer]
            mean = sum(w * x for w, x in zip(weights, a)) / sum(weights)
            d, p, n_eff = weighted_ks(a, weights, b)
            print(f"  {name}: weighted mean {mean:.1f} (unweighted {statistics.mean(a):.1f}) vs {statistics.mean(b):.1f}; KS D = {d:.3f}, p = {p:.3f} (effective n {n_eff:.0f})")
