from fractions import Fraction


def p_consecutive(rolls: int, run: int = 2, sides: int = 6) -> Fraction:
    """Probability that one face shows `run` or more times in a row in `rolls` fair rolls."""
    hit = Fraction(1, sides)
    # streak[j]: probability that no run has happened yet and the last j rolls (no more) show
    # the face. A roll of the face moves j to j + 1; any other face resets j to 0.
    streak = [Fraction(1)] + [Fraction(0)] * (run - 1)
    done = Fraction(0)
    for _ in range(rolls):
        done += streak[-1] * hit
        streak = [sum(streak) * (1 - hit), *(p * hit for p in streak[:-1])]
    return done
