# expect: failed
# Floats, then limit_denominator to guess the fraction: right for 3 rolls, wrong once the
# denominator outgrows a million.
from fractions import Fraction


def p_consecutive(rolls, run=2, sides=6):
    hit = 1 / sides
    streak = [1.0] + [0.0] * (run - 1)
    done = 0.0
    for _ in range(rolls):
        done += streak[-1] * hit
        streak = [sum(streak) * (1 - hit), *(p * hit for p in streak[:-1])]
    return Fraction(done).limit_denominator()
