#!/usr/bin/env bash
# Installs the OncoSimulR peer (issue #5 benchmark) from a source checkout on a Debian machine without
# CRAN/Bioconductor access: dependencies from Debian's archive, then R CMD INSTALL. Rgraphviz and smatr are
# not in the archive; OncoSimulR uses them only to plot DAGs and in its own tests, so they are dropped from
# DESCRIPTION/NAMESPACE of a COPY of the source. The simulation code (src/) is untouched.
# Usage: benchmarks/peer/install-oncosimulr.sh <path to the OncoSimulR package directory (rdiaz02/OncoSimul/OncoSimulR)>
set -euo pipefail
source_dir=$1
apt-get install -y r-base-dev r-cran-rcpp r-cran-data.table r-bioc-graph r-cran-gtools r-cran-igraph \
  r-cran-rcolorbrewer r-cran-car r-cran-dplyr r-cran-ggplot2 r-cran-ggrepel r-cran-stringr
work=$(mktemp -d)
cp -r "$source_dir" "$work/OncoSimulR"
sed -i 's/, Rgraphviz//; s/, smatr//' "$work/OncoSimulR/DESCRIPTION"
sed -i 's/^import(Rgraphviz)/## import(Rgraphviz)/; s/^importFrom("smatr", "ma")/## importFrom("smatr", "ma")/' "$work/OncoSimulR/NAMESPACE"
R CMD INSTALL --no-docs --no-html "$work/OncoSimulR"   # ~4 min: unity_osimul.cpp is one large translation unit
Rscript -e 'cat("OncoSimulR", as.character(packageVersion("OncoSimulR")), "installed\n")'
