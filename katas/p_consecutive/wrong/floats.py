# expect: failed
# The right recursion in floats: 0.0509..., not the exact Fraction(11, 216).
def p_consecutive(rolls, run=2, sides=6):
    hit = 1 / sides
    streak = [1.0] + [0.0] * (run - 1)
    done = 0.0
    for _ in range(rolls):
        done += streak[-1] * hit
        streak = [sum(streak) * (1 - hit), *(p * hit for p in streak[:-1])]
    return done
