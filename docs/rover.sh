#!/usr/bin/env bash
# The rover section of RESULTS.md: the simulated rover (device-profiles/sim-rover.yaml, rewards only
# from bumper and beacon switch events, learning never stops) on the EVALUATION seeds 1-20 (tuning
# used 101-105, docs/rover-tune.sh), 1,000,000 ticks each (~14 simulated hours at 50 ms), for the
# paper's NRL (continuing form; the profile as shipped), nrl-layer (per-layer probes, the recommended
# local rule candidate of issue 10), BP (REINFORCE with the same decaying trace), random actions and
# the hand-written reference controller. Then the
# same for the first simulated hour alone (72,000 ticks: the runs are deterministic per seed, so
# these are the first hour of the long runs at 10x the resolution), to see when learning passes
# random. Writes OUT/{long,early}/RULE/seed-N.json, prints the tables, writes OUT/rover.png.
# Usage: docs/rover.sh [OUT] (default runs/rover). Two runs at a time under nice: ~10 minutes here.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/rover}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jar=${JAR:-target/nrl-edge.jar}
mkdir -p "$out"
cat > "$out/rules.txt" <<'GRID'
# label|run options; nrl is the profile as shipped (its settings spelled out); each tuned on seeds 101-105
nrl|--rule nrl --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1
nrl-layer|--rule nrl-layer --probes 8 --lr 0.01 --trace-decay 0.98
bp|--rule bp --lr 0.003 --trace-decay 0.98
random|--mode random
reference|--mode reference
GRID
start=$SECONDS
export SEEDS="$(seq -s ' ' 1 20)"
TICKS=1000000 docs/rover-runs.sh "$out/rules.txt" "$out/long"
grep -v '^\(bp\|reference\)|' "$out/rules.txt" > "$out/early-rules.txt"
TICKS=72000 docs/rover-runs.sh "$out/early-rules.txt" "$out/early"
echo "runs: $((SECONDS - start)) s"
report() { "$java" -jar "$jar" continuing-report --gain beacons --loss bumps --baseline random "$@"; }
echo "## 1,000,000 ticks (~13.9 simulated hours), seeds 1-20"
report --groups nrl,nrl-layer,bp,random,reference --plot "$out/rover.png" --off-scale random "$out/long"
echo "## the first simulated hour (72,000 ticks), seeds 1-20"
report --groups nrl,nrl-layer,random "$out/early"
