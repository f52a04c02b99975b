# expect: failed
# First-step analysis solved in floats with numpy, then limit_denominator to recover the
# fraction: right for short patterns, but the odds of two 20-toss patterns have denominators
# past a million, and a float keeps too few digits to pin them.
from fractions import Fraction

import numpy as np


def p_pattern_first(a, b):
    states = sorted({p[:i] for p in (a, b) for i in range(len(p))}, key=len)
    index = {state: i for i, state in enumerate(states)}

    def after(state, toss):
        seen = state + toss
        while seen not in index and seen not in (a, b):
            seen = seen[1:]
        return seen

    n = len(states)
    m = np.eye(n)
    rhs = np.zeros(n)
    for i, state in enumerate(states):
        for toss in "HT":
            nxt = after(state, toss)
            if nxt == a:
                rhs[i] += 0.5
            elif nxt != b:
                m[i, index[nxt]] -= 0.5
    return Fraction(float(np.linalg.solve(m, rhs)[0])).limit_denominator()
