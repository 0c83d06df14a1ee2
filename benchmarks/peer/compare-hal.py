#!/usr/bin/env python3
"""Summarises hal-lattice.sh output: per workload and tool the median wall time, CPU time and work rate (HAL: cell
steps, i.e. cells alive at a tick's start summed over ticks; ResistanceSim: expected events (b + d)∫N dt), the
HAL/ResistanceSim ratios, and whether the two simulate the same model: final cells and the daily counts (mean over
runs) compared day by day, relative to ResistanceSim.
Usage: compare-hal.py <out-prefix> [<out-prefix> ...]   (reads <prefix>.tsv and <prefix>-curves.tsv; pooled)"""
import csv, statistics, sys
from collections import defaultdict

# a run is (file, run number): pooled files may reuse run numbers
runs = [dict(r, run=(p, r["run"])) for p in sys.argv[1:] for r in csv.DictReader(open(p + ".tsv"), delimiter="\t")]
curves = [dict(r, run=(p, r["run"])) for p in sys.argv[1:] for r in csv.DictReader(open(p + "-curves.tsv"), delimiter="\t")]
med = statistics.median
for workload in dict.fromkeys(r["workload"] for r in runs):
    by = defaultdict(list)
    for r in runs:
        if r["workload"] == workload:
            by[r["tool"], r["ticks_per_day"]].append(r)
    print(f"== {workload}")
    rs = by[next(k for k in by if k[0] == "resistancesim")]
    for (tool, ticks), rows in sorted(by.items()):
        wall = [float(r["wall_s"]) for r in rows]
        cpu = [float(r["cpu_s"]) for r in rows]
        rate = [float(r["work"]) / float(r["cpu_s"]) for r in rows]
        unit = "cell steps" if tool == "hal" else "events"
        step = f", {ticks} ticks/day" if tool == "hal" else ""
        print(f"{tool}{step}: {len(rows)} runs; wall s median {med(wall):.2f} ({', '.join(r['wall_s'] for r in rows)}); "
              f"CPU s median {med(cpu):.2f} ({', '.join(r['cpu_s'] for r in rows)}); {med(rate):.3g} {unit} per CPU-second; "
              f"final cells median {med(int(r['final_cells']) for r in rows)}; peak RSS {max(int(r['max_rss_mib']) for r in rows)} MiB; "
              f"load1 {', '.join(r['load1'] for r in rows)}")
        if tool == "hal":
            print(f"  HAL / ResistanceSim: wall {med(wall) / med(float(r['wall_s']) for r in rs):.1f}x, "
                  f"CPU {med(cpu) / med(float(r['cpu_s']) for r in rs):.1f}x; final cells "
                  f"{med(int(r['final_cells']) for r in rows) / med(int(r['final_cells']) for r in rs) - 1:+.2%}")
            mean = lambda t, k: {d: statistics.mean(v) for d, v in days(t, k).items()}
            def days(t, k):
                out = defaultdict(list)
                for c in curves:
                    if c["workload"] == workload and c["tool"] == t and any(r["run"] == c["run"] for r in by[t, k]):
                        out[float(c["day"])].append(int(c["cells"]))
                return out
            ours, theirs = mean("resistancesim", "-"), mean("hal", ticks)
            diff = {d: theirs[d] / ours[d] - 1 for d in ours if d in theirs and d > 0}
            worst = max(diff, key=lambda d: abs(diff[d]))
            growth = (theirs[max(diff)] - theirs[0]) / (ours[max(diff)] - ours[0]) - 1
            print(f"  daily cells (mean of runs), HAL vs ResistanceSim: largest difference {diff[worst]:+.2%} on day {worst:g}; "
                  f"last day {diff[max(diff)]:+.2%}; growth since day 0 {growth:+.2%}")
