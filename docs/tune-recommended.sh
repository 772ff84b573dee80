#!/usr/bin/env bash
# The grid behind the recommended local rule (RESULTS.md, "The recommended local rule"): nrl-layer
# on CartPole-v1 for probes per layer K in {1, 2, 4, 8, 16, 32, 64} on the tuning seeds 101-106 only,
# 5,000 episodes, every run to the whole budget; then the plot of episodes-to-solve against K
# (docs/results/cartpole-probes.png). Usage: docs/tune-recommended.sh [OUT] (default
# runs/tune-recommended). Needs the jar (mvn -B package -DskipTests) and, for the plot, a Java >= 21
# on the PATH or in JAVA_HOME.
out="${1:-runs/tune-recommended}"
source "$(dirname "$0")/experiment-steps.sh"
seeds=101,102,103,104,105,106

step k1  --task cartpole --rules nrl-layer --probes 1  --lr 0.3 --seeds $seeds --episodes 5000
step k2  --task cartpole --rules nrl-layer --probes 2  --lr 0.3 --seeds $seeds --episodes 5000
step k4  --task cartpole --rules nrl-layer --probes 4  --lr 0.3 --seeds $seeds --episodes 5000
step k8  --task cartpole --rules nrl-layer --probes 8  --lr 0.3,0.5 --seeds $seeds --episodes 5000
step k16 --task cartpole --rules nrl-layer --probes 16 --lr 0.3,0.5 --seeds $seeds --episodes 5000
step k32 --task cartpole --rules nrl-layer --probes 32 --lr 0.2,0.3 --seeds $seeds --episodes 5000
step k64 --task cartpole --rules nrl-layer --probes 64 --lr 0.2 --seeds $seeds --episodes 5000
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" docs/diagnostics/ProbesPlot.java docs/results/cartpole-probes.png \
  1:0.3="$out/k1" 2:0.3="$out/k2" 4:0.3="$out/k4" 8:0.3="$out/k8" 16:0.3="$out/k16" 32:0.2="$out/k32" 64:0.2="$out/k64"
# Reaching's learning rate for nrl-layer, checked on the same tuning seeds (final 100-trial mean).
step reaching --task reaching --rules nrl-layer,bp --probes 32 \
  --lr nrl-layer=0.05,nrl-layer=0.1,nrl-layer=0.2,bp=0.01 --seeds $seeds --steps 300000
