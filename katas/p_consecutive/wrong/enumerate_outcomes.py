# expect: timeout
# Right answers by listing all sides**rolls outcomes: fine for 3 rolls, hopeless for 60.
from fractions import Fraction
from itertools import product


def p_consecutive(rolls, run=2, sides=6):
    target = (0,) * run
    good = 0
    for outcome in product(range(sides), repeat=rolls):
        good += any(outcome[i : i + run] == target for i in range(rolls - run + 1))
    return Fraction(good, sides**rolls)
