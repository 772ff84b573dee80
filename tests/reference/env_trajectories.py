"""Prints reference trajectories that ReferenceTrajectoryTest pins (src/test/java/io/nrledge/env).

Runs the reference implementations themselves, not this project's code:
  - Gymnasium 1.3.0 CartPole-v1 and Acrobot-v1 (unwrapped, state set directly, float64 state);
  - neurogym at tag v0.1.0 (the last gym-based release, as the NRL paper's code uses it),
    Reaching1D(dt=10, timing fixation 0 ms, reach 3000 ms), loaded from a source checkout with
    gymnasium standing in for gym and the package __init__ files skipped (they pull in plotting).

Usage: python env_trajectories.py NEUROGYM_CHECKOUT   (needs gymnasium==1.3.0 and numpy)
"""

import math
import sys
import types

import gymnasium
import numpy as np


def cartpole(init, actions):
    env = gymnasium.make("CartPole-v1").unwrapped
    env.reset(seed=0)
    env.state = tuple(init)
    rows = []
    for a in actions:
        _, reward, terminated, _, _ = env.step(a)
        rows.append(list(env.state) + [reward])
    return rows


def acrobot(init, actions):
    env = gymnasium.make("Acrobot-v1").unwrapped
    env.reset(seed=0)
    env.state = np.array(init, dtype=np.float64)
    rows = []
    for a in actions:
        _, reward, terminated, _, _ = env.step(a)
        s = env.state
        rows.append([math.cos(s[0]), math.sin(s[0]), math.cos(s[1]), math.sin(s[1]), s[2], s[3], reward])
    return rows


def load_reaching(checkout):
    sys.modules["gym"] = gymnasium
    sys.modules["gym.spaces"] = gymnasium.spaces
    for pkg in ["neurogym", "neurogym.utils", "neurogym.envs"]:
        module = types.ModuleType(pkg)
        module.__path__ = [checkout + "/" + pkg.replace(".", "/")]
        sys.modules[pkg] = module
    import neurogym.core as core
    from neurogym.utils import spaces

    sys.modules["neurogym"].TrialEnv = core.TrialEnv
    sys.modules["neurogym"].spaces = spaces
    from neurogym.envs.reaching import Reaching1D

    return Reaching1D


def reaching(reaching_class, position, target, actions):
    env = reaching_class(dt=10, timing={"fixation": ("constant", 0), "reach": ("constant", 3000)})
    env.seed(0)
    env.new_trial(ground_truth=target)
    env.state = position
    rows = []
    for a in actions:
        _, reward, _, _ = env.step(a)
        rows.append([env.state, reward])
    return rows


def show(name, rows):
    print(name)
    for row in rows:
        print("    {" + ", ".join(repr(float(v)) for v in row) + "},")


if __name__ == "__main__":
    show("cartpole [0.01, -0.02, 0.03, 0.04], actions 1,0,0,1,1 -> x, x_dot, theta, theta_dot, reward",
         cartpole([0.01, -0.02, 0.03, 0.04], [1, 0, 0, 1, 1]))
    show("acrobot [0.4, -0.7, 1.1, -0.3], actions 2,0,1,2,0 -> observation, reward",
         acrobot([0.4, -0.7, 1.1, -0.3], [2, 0, 1, 2, 0]))
    reaching_class = load_reaching(sys.argv[1])
    show("reaching position 6.25, target 0.3, actions 1,1,1,2,0 -> position, reward",
         reaching(reaching_class, 6.25, 0.3, [1, 1, 1, 2, 0]))
    show("reaching position pi, target 3.9, actions 1,1,2,0,1 -> position, reward",
         reaching(reaching_class, math.pi, 3.9, [1, 1, 2, 0, 1]))
