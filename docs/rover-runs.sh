#!/usr/bin/env bash
# Runs the simulated rover for every "label|run options" line of a grid file (blank lines and
# #-comments skipped) on every seed in SEEDS, TICKS ticks each (default 1,000,000, ~14 simulated
# hours at 50 ms), JOBS at a time (default 2) under nice, writing OUT/label/seed-N.json. Runs whose
# JSON exists are skipped, so an interrupted sweep resumes. Usage: SEEDS="1 2" docs/rover-runs.sh GRID OUT
set -euo pipefail
cd "$(dirname "$0")/.."
grid=${1:?grid file}; out=${2:?output directory}
: "${SEEDS:?SEEDS, e.g. SEEDS=\"1 2 3\"}"
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jar=${JAR:-target/nrl-edge.jar}
[ -f "$jar" ] || mvn -B -q package -DskipTests
mkdir -p "$out"
grep -v '^\s*\(#\|$\)' "$grid" | while IFS='|' read -r label options; do
  mkdir -p "$out/$label"
  for seed in $SEEDS; do
    [ -s "$out/$label/seed-$seed.json" ] || echo "$label|$seed|$options"
  done
done | xargs -P "${JOBS:-2}" -I{} bash -c 'IFS="|" read -r label seed options <<< "$1"
  nice -n 15 "$2" -jar "$5" run --profile device-profiles/sim-rover.yaml --ticks "$3" --seed "$seed" \
    --status never --summary-json "$4/$label/seed-$seed.json" $options > /dev/null' \
  _ {} "$java" "${TICKS:-1000000}" "$out" "$jar"
