# expect: failed
# Counts the sequences with no run in numpy int64: exact while sides**rolls stays under 2**63
# (24 rolls of a die), then the counts wrap around silently.
from fractions import Fraction

import numpy as np


def p_consecutive(rolls, run=2, sides=6):
    clean = np.zeros(rolls + 1, dtype=np.int64)
    for n in range(min(run, rolls + 1)):
        clean[n] = np.int64(sides) ** n
    for n in range(run, rolls + 1):
        clean[n] = (sides - 1) * clean[n - run : n].sum()
    return 1 - Fraction(int(clean[rolls]), sides**rolls)
