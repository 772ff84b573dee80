#!/usr/bin/env bash
# RESULTS.md's "Reaching: the fan-out factor and partitioned probes". nrl-layer on Reaching1D
# (1,000,000 steps) with the fan-out factor (its expected step is then backprop's) and with
# partitioned probes (each layer's units split among the K probes; K = 64 = the hidden width gives
# the exact finite-difference gradient), against BP in the same experiments; then σ at the paper's
# 5,000,000 steps (the finite difference's error grows with σ times the curvature, and the weights
# grow). Chosen on the tuning seeds 101-106, then run on the evaluation seeds 1001-1020 at 1M and 5M
# steps, where each nrl-layer setting is compared with BP seed by seed (same seeds, so the same
# initial weights and targets): the mean paired difference of the final 100-trial means with a 95 % t
# interval. Last, the partitioned layout on the episodic tasks' tuning seeds at their tuned settings
# (K 32, no factor). About 50 minutes on 2 cores.
# Usage: docs/evaluate-reaching-partitioned.sh [OUT] (default runs/reaching-partitioned).
# Needs the jar: mvn -B package -DskipTests.
out="${1:-runs/reaching-partitioned}"
source "$(dirname "$0")/experiment-steps.sh"
tune=101,102,103,104,105,106
eval=$(seq -s, 1001 1020)
reaching=(--task reaching --steps 1000000)
partitioned=(--probe-layout partitioned --layer-fanout on --lr nrl-layer=0.01)

all_start=$SECONDS
# tuning seeds: η of nrl-layer with the factor on BP's grid, then the partitioned probes at K 32 and 64
step tune-fanout "${reaching[@]}" --rules nrl-layer,bp --probes 32 --layer-fanout on --seeds "$tune" \
  --lr nrl-layer=0.005,nrl-layer=0.01,nrl-layer=0.02,bp=0.005,bp=0.01,bp=0.02
step tune-partitioned-k32 "${reaching[@]}" --rules nrl-layer --probes 32 "${partitioned[@]}" --seeds "$tune"
step tune-partitioned-k64 "${reaching[@]}" --rules nrl-layer --probes 64 "${partitioned[@]}" --seeds "$tune"
step tune-5m-sigma --task reaching --steps 5000000 --rules nrl-layer,bp --probes 64 --probe-layout partitioned \
  --layer-fanout on --lr nrl-layer=0.01,bp=0.01 --sigma 0.001,0.0001 --seeds "$tune"
# evaluation seeds: BP and nrl-layer as tuned before (K 32, η 0.1, no factor), then the new settings
step eval-bp "${reaching[@]}" --rules nrl-layer,bp --probes 32 --seeds "$eval"
step eval-fanout "${reaching[@]}" --rules nrl-layer --probes 32 --layer-fanout on --lr nrl-layer=0.01 --seeds "$eval"
step eval-partitioned-k32 "${reaching[@]}" --rules nrl-layer --probes 32 "${partitioned[@]}" --seeds "$eval"
step eval-partitioned-k64 "${reaching[@]}" --rules nrl-layer --probes 64 "${partitioned[@]}" --seeds "$eval"
step eval-shipped "${reaching[@]}" --rules nrl-layer --probes 64 "${partitioned[@]}" --sigma 0.0001 --seeds "$eval"
five_million=(--task reaching --steps 5000000 --seeds "$eval")
step eval-5m-bp "${five_million[@]}" --rules bp
step eval-5m-partitioned-k64 "${five_million[@]}" --rules nrl-layer --probes 64 "${partitioned[@]}"
step eval-5m-shipped "${five_million[@]}" --rules nrl-layer --probes 64 "${partitioned[@]}" --sigma 0.0001

# final_ma100 of nrl-layer in summary RUN minus BP's in summary BASE, seed by seed (summary.csv: rule
# is column 2, seed 3, final_ma100 7)
paired() {
  awk -F, -v label="$2" '
    FNR == 1 { next }
    NR == FNR { if ($2 == "bp") bp[$3] = $7; next }
    $2 == "nrl-layer" && ($3 in bp) { d = $7 - bp[$3]; n++; sum += d; sumsq += d * d; higher += d > 0 }
    END {
      mean = sum / n; sd = sqrt((sumsq - n * mean * mean) / (n - 1)); half = 2.093 * sd / sqrt(n)
      printf "%-26s nrl-layer minus BP: %+.2f [%+.2f, %+.2f] over %d seeds, higher on %d\n", label, mean,
        mean - half, mean + half, n, higher
    }' "$out/$1/summary.csv" "$out/$2/summary.csv"
}
echo "== paired differences of the final 100-trial mean, evaluation seeds (95 % t interval, 19 df)"
for run in eval-bp eval-fanout eval-partitioned-k32 eval-partitioned-k64 eval-shipped; do
  paired eval-bp "$run"
done
for run in eval-5m-partitioned-k64 eval-5m-shipped; do
  paired eval-5m-bp "$run"
done
# the layout on the episodic tasks, tuning seeds, the tasks' tuned η (independent: docs/tune-recommended.sh)
step cartpole-partitioned --task cartpole --rules nrl-layer --probes 32 --probe-layout partitioned --seeds "$tune" \
  --episodes 5000
step acrobot-partitioned --task acrobot --rules nrl-layer --probes 32 --probe-layout partitioned --seeds "$tune" \
  --episodes 2000
step acrobot-independent --task acrobot --rules nrl-layer --probes 32 --seeds "$tune" --episodes 2000
echo "== step cost on Reaching's net (the partitioned row at the K of each run)"
java -jar "$jar" bench learner --nets 32-64-3 --probes 32
java -jar "$jar" bench learner --nets 32-64-3 --probes 64
echo "all: $((SECONDS - all_start)) s"
