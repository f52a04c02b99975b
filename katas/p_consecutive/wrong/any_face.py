# expect: failed
# Answers "any face twice in a row" (two equal rolls in a row), not one particular face.
from fractions import Fraction


def p_consecutive(rolls, run=2, sides=6):
    if rolls == 0:
        return Fraction(0)
    same = Fraction(1, sides)
    streak = {1: Fraction(1)}  # after the first roll, whatever it shows, the streak is 1
    done = Fraction(1) if run == 1 else Fraction(0)
    for _ in range(rolls - 1):
        nxt = {1: sum(streak.values()) * (1 - same)}
        for length, p in streak.items():
            if length + 1 == run:
                done += p * same
            else:
                nxt[length + 1] = nxt.get(length + 1, 0) + p * same
        streak = nxt
    return done
