#!/usr/bin/env bash
# The evaluation protocol behind RESULTS.md's held-out section: the paper's tasks at the paper's
# budgets, every rule at the learning rate tuned on seeds 1-5 (docs/tune.sh), run on 20 seeds that
# were never used for tuning (1001-1020), with aggregate.csv (success rate with a Wilson interval,
# IQM of episodes-to-solve with unsolved runs counted as the budget, IQM of the final 100-episode
# mean, both with 95 % bootstrap intervals, environment steps to solve) and run classes, then the
# rules' step cost on each task's net (steps to solve times it: the learner's time to solve).
# Usage: docs/evaluate.sh [OUT]
# (default runs/evaluate). Needs the jar: mvn -B package -DskipTests.
out="${1:-runs/evaluate}"
source "$(dirname "$0")/experiment-steps.sh"
seeds=$(seq -s, 1001 1020)

all_start=$SECONDS
step cartpole --task cartpole --rules nrl,rmhl,bp --seeds "$seeds"
step acrobot  --task acrobot  --rules nrl,rmhl,bp --seeds "$seeds"
step reaching --task reaching --rules nrl,rmhl,bp --seeds "$seeds"
for task in cartpole acrobot reaching; do
  echo "== $task aggregate.csv"
  cat "$out/$task/aggregate.csv"
done
echo "== step cost on the tasks' nets (CartPole, Acrobot, Reaching)"
java -jar "$jar" bench learner --nets 4-64-2,6-64-3,32-64-3 --probes 0
echo "all: $((SECONDS - all_start)) s"
