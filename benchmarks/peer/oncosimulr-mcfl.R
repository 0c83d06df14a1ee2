#!/usr/bin/env Rscript
# The OncoSimulR peer of benchmarks/scenarios/mcfl-1e9.yaml and mcfl-1e11.yaml: the package vignette's
# large-population example (OncoSimulR.Rmd, "ex-large-mf": 50 genes with s = 0.1, McFL model, mu = 1e-7,
# initSize = 1e5, keepEvery = 1), one process per run so wall time and peak memory are per run.
# Usage: Rscript oncosimulr-mcfl.R <detectionSize> <runs> <first-seed> <out.csv> [mutationPropGrowth] [sampleEvery] [keepPhylog] [maxWallTime]
# mutationPropGrowth (default TRUE): mutations happen at division, at mu per gene per division, as in
# ResistanceSim and as issue #5 states the model; the vignette's call uses FALSE (mutation at mu per cell
# per unit time whatever the birth rate), which makes fitter clones mutate relatively less.
# sampleEvery (default 0.025, OncoSimulR's): McFL death rates are recomputed from the population size only at
# these times, so a smaller value shows how much that holding changes the result.
# keepPhylog (default TRUE, the vignette's): records every mutation event for the phylogeny; it does not change the
# simulation or NumClones, only its cost.
# maxWallTime (default 1200 s): OncoSimulR's max.wall.time; a run that hits it is reported as an error.
# Writes one row per run: seed, wall_s, num_clones (distinct genotypes alive at some kept time), final_time, total_pop,
# peak_rss_mib (VmHWM of this R process after the run), attempts (OncoSimulR's attemptsUsed: 1 + the times it threw
# the run away and started again after a "ti set to DBL_MIN" exception, which large clones trigger), cpu_s (user +
# system CPU time of the run, which a loaded machine inflates far less than wall_s).
suppressPackageStartupMessages(library(OncoSimulR))
args <- commandArgs(trailingOnly = TRUE)
detection <- as.numeric(args[1]); runs <- as.integer(args[2]); first <- as.integer(args[3]); out <- args[4]
prop_growth <- if (length(args) >= 5) as.logical(args[5]) else TRUE
sample_every <- if (length(args) >= 6) as.numeric(args[6]) else 0.025
keep_phylog <- if (length(args) >= 7) as.logical(args[7]) else TRUE
max_wall <- if (length(args) >= 8) as.numeric(args[8]) else 1200
u <- allFitnessEffects(noIntGenes = rep(0.1, 50))
peak_mib <- function() {
  status <- readLines("/proc/self/status")
  as.numeric(sub("VmHWM:\\s+(\\d+) kB", "\\1", grep("^VmHWM", status, value = TRUE))) / 1024
}
rows <- lapply(seq_len(runs), function(i) {
  seed <- first + i - 1
  set.seed(seed)
  t <- system.time(s <- oncoSimulIndiv(u, model = "McFL", mu = 1e-7, detectionSize = detection,
                                       initSize = 1e5, detectionDrivers = NA, detectionProb = NA,
                                       keepPhylog = keep_phylog, onlyCancer = FALSE, mutationPropGrowth = prop_growth,
                                       keepEvery = 1, finalTime = 5000, sampleEvery = sample_every, max.wall.time = max_wall))
  finished <- !is.null(s$NumClones)   # FALSE when OncoSimulR gave up (max.wall.time): the row keeps the wall time
  data.frame(seed = seed, wall_s = t[["elapsed"]], num_clones = if (finished) s$NumClones else NA,
             final_time = if (finished) s$FinalTime else NA, total_pop = if (finished) s$TotalPopSize else NA,
             peak_rss_mib = peak_mib(), attempts = if (finished) s$other$attemptsUsed else NA,
             cpu_s = t[["user.self"]] + t[["sys.self"]])
})
write.csv(do.call(rbind, rows), out, row.names = FALSE)
