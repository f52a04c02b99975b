from fractions import Fraction

import numpy as np


def p_consecutive(rolls: int, run: int = 2, sides: int = 6) -> Fraction:
    """A Markov chain on streak lengths 0..run (run absorbing), in exact object arithmetic."""
    hit = Fraction(1, sides)
    step = np.full((run + 1, run + 1), Fraction(0), dtype=object)
    for streak in range(run):
        step[streak, 0] = 1 - hit
        step[streak, streak + 1] = hit
    step[run, run] = Fraction(1)
    state = np.array([Fraction(1)] + [Fraction(0)] * run, dtype=object)
    for _ in range(rolls):
        state = state.dot(step)
    return Fraction(state[run])
