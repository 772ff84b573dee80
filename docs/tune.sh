#!/usr/bin/env bash
# The learning-rate grids behind the defaults in src/main/java/io/nrledge/experiment/TaskDefaults.java
# (RESULTS.md, "Tuning"). Usage: docs/tune.sh [OUT] (default runs/tune). Needs the jar:
# mvn -B package -DskipTests. Every step uses the seeds 1-5 of the results, so read it as
# "the best of a small grid", not as held-out performance.
out="${1:-runs/tune}"
source "$(dirname "$0")/experiment-steps.sh"

# CartPole: median episodes to solve within 5,000 (stop when solved).
step cartpole --task cartpole --rules nrl,bp,rmhl,rmhl-implicit --episodes 5000 --stop-when-solved \
  --lr nrl=0.005,nrl=0.01,nrl=0.02,nrl=0.04,bp=0.01,bp=0.02,bp=0.03,bp=0.05,rmhl=10,rmhl=100,rmhl=1000,rmhl=10000,rmhl-implicit=10,rmhl-implicit=100,rmhl-implicit=1000
step cartpole-rmhl-sigma --task cartpole --rules rmhl --sigma 0.1 --lr 0.01,0.1,1,10 --episodes 3000 --stop-when-solved
step cartpole-layer16 --task cartpole --rules nrl-layer --probes 16 --lr 0.2,0.3,0.5 --episodes 3000 --stop-when-solved
step cartpole-layer32 --task cartpole --rules nrl-layer --probes 32 --lr 0.2,0.3,0.5 --episodes 3000 --stop-when-solved
step cartpole-h2 --task cartpole --rules nrl,bp --hidden 64,64 --episodes 5000 --stop-when-solved \
  --lr nrl=0.0025,nrl=0.005,nrl=0.01,bp=0.01,bp=0.02,bp=0.03
step cartpole-h3 --task cartpole --rules nrl,bp --hidden 64,64,64 --episodes 5000 --stop-when-solved \
  --lr nrl=0.0025,nrl=0.005,nrl=0.01,bp=0.01,bp=0.02,bp=0.03
# Acrobot: solved seeds, then final 100-episode mean, over 2,000 episodes.
step acrobot --task acrobot --rules nrl,bp,rmhl,nrl-layer --episodes 2000 \
  --lr nrl=0.005,nrl=0.01,nrl=0.02,nrl=0.04,bp=0.005,bp=0.01,bp=0.02,bp=0.05,rmhl=10,rmhl=100,rmhl=1000,nrl-layer=0.05,nrl-layer=0.1,nrl-layer=0.3
# Reaching: final 100-trial mean over 600,000 steps.
step reaching --task reaching --rules nrl,bp,rmhl,nrl-layer --steps 600000 \
  --lr nrl=0.001,nrl=0.01,nrl=0.05,nrl=0.1,bp=0.001,bp=0.01,bp=0.05,bp=0.1,rmhl=0.1,rmhl=1,rmhl=10,rmhl=100,nrl-layer=0.01,nrl-layer=0.03,nrl-layer=0.1
