#!/usr/bin/env bash
# Regenerates every number and plot in RESULTS.md: the paper's three tasks at the paper's budgets,
# then the extra comparisons. Usage: docs/reproduce.sh [OUT] (default runs/paper). Needs the jar:
# mvn -B package -DskipTests. Prints each step's wall time; writes OUT/*/summary.csv and curves.png.
out="${1:-runs/paper}"
source "$(dirname "$0")/experiment-steps.sh"

all_start=$SECONDS
# The paper's tasks: 3 tasks x 3 rules x 5 seeds at the paper's budgets (20,000 / 8,000 episodes, 5M steps).
step cartpole --task cartpole --rules nrl,rmhl,bp --seeds 1,2,3,4,5
step acrobot  --task acrobot  --rules nrl,rmhl,bp --seeds 1,2,3,4,5
step reaching --task reaching --rules nrl,rmhl,bp --seeds 1,2,3,4,5
echo "paper reproduction: $((SECONDS - all_start)) s"

# Closing the gap: per-layer probes against the paper's NRL and BP, same run, to the threshold.
step cartpole-gap --task cartpole --rules nrl,nrl-layer,bp --seeds 1,2,3,4,5 --episodes 5000 --stop-when-solved
step acrobot-gap  --task acrobot  --rules nrl,nrl-layer,bp --seeds 1,2,3,4,5 --episodes 3000
step reaching-gap --task reaching --rules nrl,nrl-layer,bp --seeds 1,2,3,4,5 --steps 1000000
# Depth: two and three hidden layers, NRL's and BP's eta tuned for depth (docs/tune.sh), to the threshold.
step cartpole-h2 --task cartpole --rules nrl,rmhl,bp --hidden 64,64 --lr nrl=0.0025,bp=0.02 \
  --seeds 1,2,3,4,5 --episodes 10000 --stop-when-solved
step cartpole-h3 --task cartpole --rules nrl,rmhl,bp --hidden 64,64,64 --lr nrl=0.0025,bp=0.01 \
  --seeds 1,2,3,4,5 --episodes 10000 --stop-when-solved
step cartpole-h3-layer --task cartpole --rules nrl-layer --hidden 64,64,64 --lr 0.1 --seeds 1,2,3,4,5 \
  --episodes 3000 --stop-when-solved
# The fan-out factor n_l on and off (off needs a larger eta: grid).
step cartpole-fanout-off --task cartpole --rules nrl --fanout off --lr 0.1,0.2,0.3 --seeds 1,2,3,4,5 --episodes 5000
# Reaching with the corrected reward (real target instead of neurogym's floor(target)).
step reaching-corrected --task reaching --rules nrl,rmhl,bp --seeds 1,2,3,4,5 --corrected
echo "all: $((SECONDS - all_start)) s"
