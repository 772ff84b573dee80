#!/usr/bin/env bash
# Tunes the rover's learners on TUNING seeds only (SEEDS, default 101-105; docs/rover.sh evaluates on seeds
# 1-20): runs every setting of a grid file (docs/rover-grid/*.txt) for 1,000,000 ticks per seed,
# then prints the table the settings were picked from (by the mean last-window reward rate).
# Usage: docs/rover-tune.sh GRID OUT
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${SEEDS:-101 102 103 104 105}" docs/rover-runs.sh "$1" "$2" \
  || echo "rover-tune: some runs ended on a fault or failed; their summaries say which" >&2
"${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}" -jar "${JAR:-target/nrl-edge.jar}" continuing-report --gain beacons --loss bumps "$2"
