#!/usr/bin/env bash
# RESULTS.md's depth claim under the evaluation protocol: the paper's NRL, RMHL and BP on CartPole-v1
# with 2 and 3 hidden layers of 64, 10,000 episodes, every run to the whole budget. Each rule's
# learning rate is picked per depth on the tuning seeds 101-106 at that same budget (lowest IQM of
# episodes to solve, unsolved runs counted as the budget; by final MA100 when none solves), then the
# picks run on the evaluation seeds 1001-1020. Usage: docs/evaluate-depth.sh [OUT] (default
# runs/evaluate-depth; about 40 minutes on 2 cores). Needs the jar: mvn -B package -DskipTests.
out="${1:-runs/evaluate-depth}"
source "$(dirname "$0")/experiment-steps.sh"
tuning=101,102,103,104,105,106
evaluation=$(seq -s, 1001 1020)
grid=nrl=0.001,nrl=0.0025,nrl=0.005,nrl=0.01,rmhl=100,rmhl=1000,rmhl=10000,bp=0.01,bp=0.02,bp=0.03

step tune-h2 --task cartpole --rules nrl,rmhl,bp --hidden 64,64 --lr $grid --seeds $tuning --episodes 10000
step tune-h3 --task cartpole --rules nrl,rmhl,bp --hidden 64,64,64 --lr $grid --seeds $tuning --episodes 10000
# picked from the two tables above (RESULTS.md says which)
step eval-h2 --task cartpole --rules nrl,rmhl,bp --hidden 64,64 --lr "${LR_H2:-nrl=0.0025,rmhl=100,bp=0.02}" \
  --seeds "$evaluation" --episodes 10000
step eval-h3 --task cartpole --rules nrl,rmhl,bp --hidden 64,64,64 --lr "${LR_H3:-nrl=0.0025,rmhl=10000,bp=0.02}" \
  --seeds "$evaluation" --episodes 10000
# the recommended rule on the 3-hidden-layer net, at its one-layer eta (not tuned for depth) and a
# third of the budget: about 17 minutes here (K = 32 noisy passes per layer cost ~10,000 steps/s)
step eval-h3-layer --task cartpole --rules nrl-layer --probes 32 --hidden 64,64,64 --lr 0.2 --seeds "$evaluation" \
  --episodes 3000
