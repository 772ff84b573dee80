#!/usr/bin/env bash
# RESULTS.md's "The fan-out factor on and off" under the evaluation protocol: the paper's NRL on
# CartPole-v1, 5,000 episodes, every run to the whole budget, with the fan-out factor (each layer's
# update scaled by its unit count, as the authors' code) and without. The learning rate of each is
# picked on the tuning seeds 101-106 (lowest IQM of episodes to solve, unsolved counted as the
# budget), then both are run on the evaluation seeds 1001-1020. Usage: docs/evaluate-fanout.sh [OUT]
# (default runs/evaluate-fanout). Needs the jar: mvn -B package -DskipTests.
out="${1:-runs/evaluate-fanout}"
source "$(dirname "$0")/experiment-steps.sh"
tuning=101,102,103,104,105,106
evaluation=$(seq -s, 1001 1020)

step tune-on  --task cartpole --rules nrl --fanout on  --lr 0.005,0.01,0.02,0.05 --seeds $tuning --episodes 5000
step tune-off --task cartpole --rules nrl --fanout off --lr 0.05,0.1,0.2,0.3 --seeds $tuning --episodes 5000
# picked from the two tables above (RESULTS.md says which and why)
step eval-on  --task cartpole --rules nrl --fanout on  --lr "${LR_ON:-0.01}" --seeds "$evaluation" --episodes 5000
step eval-off --task cartpole --rules nrl --fanout off --lr "${LR_OFF:-0.2}" --seeds "$evaluation" --episodes 5000
