#!/usr/bin/env python3
"""Summarises the TSVs of side-by-side.sh: per (model, size) and side, the runs, the median wall time per run
(min–max), the median whole-process time and peak memory, and the median CPU time of the run alone where the TSV has
it (run_cpu_s); the ratio of OncoSimulR's median to each of our sides' medians, of wall time and of run CPU time (a
loaded machine inflates the latter far less); the 1-minute load range and the UTC span. As a sanity line, a two-sample Kolmogorov–Smirnov test between
OncoSimulR and the `runs` side on the time to the detection size and on the genotypes (OncoSimulR's NumClones; the
harness samples daily to match) — the same test as compare.py, with as few runs as a side-by-side batch has it only
flags gross differences.
Usage: side-by-side-summary.py <side-by-side.tsv> [...]   (several files with the same model and size are pooled)"""
import csv, math, statistics, sys
from collections import defaultdict

def kolmogorov_q(x):
    if x < 1e-3:
        return 1.0
    return max(0.0, min(1.0, 2 * sum((-1) ** (j - 1) * math.exp(-2 * j * j * x * x) for j in range(1, 101))))

def ks(a, b):
    a, b = sorted(a), sorted(b)
    d = max(abs(sum(v <= x for v in a) / len(a) - sum(v <= x for v in b) / len(b)) for x in a + b)
    en = math.sqrt(len(a) * len(b) / (len(a) + len(b)))
    return d, kolmogorov_q((en + 0.12 + 0.11 / en) * d)

def seconds(x):
    return f"{x:.3f} s" if x < 1 else f"{x:.2f} s" if x < 100 else f"{x:.0f} s"

rows = [r for path in sys.argv[1:] for r in csv.DictReader(open(path), delimiter="\t")]
cases = defaultdict(list)
for r in rows:
    cases[(r["model"], r["size"])].append(r)
order = ["oncosimulr", "runs", "process", "tool"]
for (model, size), case in cases.items():
    loads = [float(r["load1"]) for r in case]
    print(f"{model} {size}: {len(case)} runs, {min(r['utc'] for r in case)} – {max(r['utc'] for r in case)}, "
          f"1-minute load {min(loads):.2f}–{max(loads):.2f} (median {statistics.median(loads):.2f}), niceness {', '.join(sorted({r['nice'] for r in case}))}")
    by_side = defaultdict(list)
    for r in case:
        by_side[r["side"]].append(r)
    medians, cpu_medians = {}, {}
    for side in sorted(by_side, key=lambda s: order.index(s) if s in order else len(order)):
        runs = by_side[side]
        wall = [float(r["wall_s"]) for r in runs]
        process = [float(r["process_s"]) for r in runs]
        cpu = [float(r["cpu_s"]) for r in runs]
        peak = [float(r["peak_mib"]) for r in runs if r["peak_mib"] not in ("", "NA")]
        medians[side] = statistics.median(wall)
        run_cpu = [float(r["run_cpu_s"]) for r in runs if r.get("run_cpu_s") not in (None, "", "NA")]
        if run_cpu:
            cpu_medians[side] = statistics.median(run_cpu)
            extra_cpu = f"; run CPU median {seconds(cpu_medians[side])} ({len(run_cpu)} runs)"
        else:
            extra_cpu = ""
        unfinished = sum(r["genotypes"] == "NA" for r in runs) if side == "oncosimulr" else 0
        restarts = [int(r["attempts"]) - 1 for r in runs if r["attempts"] not in ("", "NA")]
        extra = ""
        if side == "oncosimulr":
            extra = f"; restarts {sum(restarts)} over {len(restarts)} runs"
            if unfinished:
                extra += f"; {unfinished} stopped at max.wall.time (counted at their limit: the median is a lower bound)"
        print(f"  {side:10s} n {len(runs):3d}: wall per run median {seconds(medians[side])} ({seconds(min(wall))}–{seconds(max(wall))}); "
              f"whole process median {seconds(statistics.median(process))}, CPU {seconds(statistics.median(cpu))}; "
              f"peak memory {min(peak, default=math.nan):.0f}–{max(peak, default=math.nan):.0f} MiB{extra_cpu}{extra}")
    if "oncosimulr" in medians:
        for side in medians:
            if side != "oncosimulr":
                cpu = (f", of run CPU {cpu_medians['oncosimulr'] / cpu_medians[side]:.0f}x"
                       if "oncosimulr" in cpu_medians and side in cpu_medians else "")
                print(f"  ratio of medians OncoSimulR / {side}: wall {medians['oncosimulr'] / medians[side]:.0f}x{cpu}")
        peer = [r for r in by_side["oncosimulr"] if r["genotypes"] != "NA"]
        ours = by_side.get("runs", [])
        if len(peer) >= 2 and len(ours) >= 2:
            for name, column in [("time to detection size (days)", "end_day"), ("genotypes (NumClones)", "genotypes")]:
                a, b = [float(r[column]) for r in ours], [float(r[column]) for r in peer]
                d, p = ks(a, b)
                print(f"  sanity, {name}: median ours {statistics.median(a):.1f} vs OncoSimulR {statistics.median(b):.1f}; "
                      f"KS D = {d:.3f}, p = {p:.3f} ({len(a)} / {len(b)} runs)")
