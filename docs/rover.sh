#!/usr/bin/env bash
# The rover section of RESULTS.md: the simulated rover (device-profiles/sim-rover.yaml, rewards only
# from bumper and beacon switch events, learning never stops) on the EVALUATION seeds 1-20 (tuning
# used 101-120, docs/rover-tune.sh), 1,000,000 ticks each (~14 simulated hours at 50 ms), for the
# profile as shipped (nrl-layer with the fan-out factor, the TD critic and the quiet-tick weight decay),
# its ablations (without the factor, at the best setting stages 7-8 found for that; without the decay;
# without critic and decay), the paper's NRL with the critic and decay (the profile before nrl-layer)
# and without them, BP (REINFORCE with the same decaying trace) with the critic and without, random
# actions and the hand-written reference controller. Then the same for the first simulated hour alone
# (72,000 ticks: the runs are deterministic per seed, so these are the first hour of the long runs at
# 10x the resolution), to see when learning passes random. Writes OUT/{long,early}/RULE/seed-N.json,
# prints the tables, writes OUT/rover.png.
# Usage: docs/rover.sh [OUT] (default runs/rover). Two runs at a time under nice: ~25 minutes here.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/rover}
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jar=${JAR:-target/nrl-edge.jar}
mkdir -p "$out"
cat > "$out/rules.txt" <<'GRID'
# label|run options; nrl-layer is the profile as shipped (its settings spelled out); each tuned on seeds 101-120
nrl-layer|--rule nrl-layer --fan-out on --probes 16 --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0.003 --critic-discount 0.99 --weight-decay 1e-5 --weight-decay-after 3000
nrl-layer-no-fan-out|--rule nrl-layer --fan-out off --probes 8 --lr 0.03 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0.003 --critic-discount 0.99 --weight-decay 1e-5 --weight-decay-after 3000
nrl-layer-no-decay|--rule nrl-layer --fan-out on --probes 16 --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0.003 --critic-discount 0.99 --weight-decay 0
nrl-layer-baseline|--rule nrl-layer --fan-out on --probes 16 --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0 --weight-decay 0
nrl|--rule nrl --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0.01 --critic-discount 0.99 --weight-decay 1e-5 --weight-decay-after 3000
nrl-no-decay|--rule nrl --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0.01 --critic-discount 0.99 --weight-decay 0
nrl-baseline|--rule nrl --lr 0.003 --trace-decay 0.98 --sigma 0.001 --baseline-rate 0.1 --critic-rate 0 --weight-decay 0
bp|--rule bp --lr 0.003 --trace-decay 0.98 --critic-rate 0.003 --critic-discount 0.99 --weight-decay 1e-5 --weight-decay-after 3000
bp-baseline|--rule bp --lr 0.003 --trace-decay 0.98 --critic-rate 0 --weight-decay 0
random|--mode random
reference|--mode reference
GRID
start=$SECONDS
export SEEDS="$(seq -s ' ' 1 20)"
TICKS=1000000 docs/rover-runs.sh "$out/rules.txt" "$out/long"
grep '^\(nrl-layer\|nrl-layer-baseline\|nrl\|random\)|' "$out/rules.txt" > "$out/early-rules.txt"
TICKS=72000 docs/rover-runs.sh "$out/early-rules.txt" "$out/early"
echo "runs: $((SECONDS - start)) s"
report() { "$java" -jar "$jar" continuing-report --gain beacons --loss bumps --baseline random "$@"; }
echo "## 1,000,000 ticks (~13.9 simulated hours), seeds 1-20"
report --groups nrl-layer,nrl-layer-no-fan-out,nrl-layer-no-decay,nrl-layer-baseline,nrl,nrl-no-decay,nrl-baseline,bp,bp-baseline,random,reference "$out/long"
report --groups nrl-layer,nrl-layer-baseline,nrl,bp,random,reference --plot "$out/rover.png" --off-scale random "$out/long" > /dev/null
echo "## the first simulated hour (72,000 ticks), seeds 1-20"
report --groups nrl-layer,nrl-layer-baseline,nrl,random "$out/early"
