#!/usr/bin/env bash
# RESULTS.md's "The recommended local rule" section: nrl-layer (K = 32 probes per layer, each
# task's tuned learning rate in TaskDefaults) against the paper's rule (nrl) and BP in the same
# experiment, on the 20 evaluation seeds 1001-1020 that no tuning used (the rule was chosen on
# seeds 101-106), every run to the whole budget: CartPole-v1 5,000 episodes, Acrobot-v1 2,000
# episodes, Reaching1D 1,000,000 steps (3,333 trials; the paper's 5M would take five times as
# long). Then the learners' step cost on each task's net, all rules in one run (steps to solve from
# aggregate.csv times it is the learner's compute to solve). Writes each task's
# aggregate.csv and summary.csv under OUT. Usage: docs/evaluate-recommended.sh [OUT]
# (default runs/evaluate-recommended). Needs the jar: mvn -B package -DskipTests.
out="${1:-runs/evaluate-recommended}"
source "$(dirname "$0")/experiment-steps.sh"
seeds=$(seq -s, 1001 1020)

all_start=$SECONDS
step cartpole --task cartpole --rules nrl,nrl-layer,bp --probes 32 --seeds "$seeds" --episodes 5000
step acrobot  --task acrobot  --rules nrl,nrl-layer,bp --probes 32 --seeds "$seeds" --episodes 2000
step reaching --task reaching --rules nrl,nrl-layer,bp --probes 32 --seeds "$seeds" --steps 1000000
for task in cartpole acrobot reaching; do
  echo "== $task aggregate.csv"
  cat "$out/$task/aggregate.csv"
done
echo "== step cost on the tasks' nets (CartPole, Acrobot, Reaching)"
java -jar "$jar" bench learner --nets 4-64-2,6-64-3,32-64-3 --probes 32
echo "all: $((SECONDS - all_start)) s"
