#!/usr/bin/env Rscript
# The OncoSimulR peer of benchmarks/scenarios/mcfl-1e9.yaml and mcfl-1e11.yaml: the package vignette's
# large-population example (OncoSimulR.Rmd, "ex-large-mf": 50 genes with s = 0.1, McFL model, mu = 1e-7,
# initSize = 1e5, keepEvery = 1), one process per run so wall time and peak memory are per run.
# Usage: Rscript oncosimulr-mcfl.R <detectionSize> <runs> <first-seed> <out.csv>
# Writes one row per run: seed, wall_s, num_clones (genotypes alive at the end), final_time, total_pop,
# peak_rss_mib (VmHWM of this R process after the run).
suppressPackageStartupMessages(library(OncoSimulR))
args <- commandArgs(trailingOnly = TRUE)
detection <- as.numeric(args[1]); runs <- as.integer(args[2]); first <- as.integer(args[3]); out <- args[4]
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
                                       keepPhylog = TRUE, onlyCancer = FALSE, mutationPropGrowth = FALSE,
                                       keepEvery = 1, finalTime = 5000, max.wall.time = 1200))
  data.frame(seed = seed, wall_s = t[["elapsed"]], num_clones = s$NumClones, final_time = s$FinalTime,
             total_pop = s$TotalPopSize, peak_rss_mib = peak_mib())
})
write.csv(do.call(rbind, rows), out, row.names = FALSE)
