from fractions import Fraction


def p_consecutive(rolls: int, run: int = 2, sides: int = 6) -> Fraction:
    """Count the sequences with no run, by where the face last failed to show."""
    # clean[n]: sequences of n rolls with no run. One ending in exactly j faces (j < run) is a
    # clean sequence of n - 1 - j rolls, one of the other sides - 1 faces, then j faces.
    clean = [sides**n for n in range(min(run, rolls + 1))]
    for n in range(run, rolls + 1):
        clean.append((sides - 1) * sum(clean[n - 1 - j] for j in range(run)))
    return 1 - Fraction(clean[rolls], sides**rolls)
