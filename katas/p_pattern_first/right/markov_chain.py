from fractions import Fraction


def p_pattern_first(a: str, b: str) -> Fraction:
    """First-step analysis on the tosses' useful memory, solved exactly by elimination."""
    # A state is the longest tail of the tosses so far that starts a or b ("" at the start).
    states = sorted({p[:i] for p in (a, b) for i in range(len(p))}, key=len)
    index = {state: i for i, state in enumerate(states)}

    def after(state: str, toss: str) -> str:
        seen = state + toss
        while seen not in index and seen not in (a, b):
            seen = seen[1:]
        return seen

    # win[s] = 1/2 win[after(s, H)] + 1/2 win[after(s, T)], with win[a] = 1 and win[b] = 0.
    n = len(states)
    rows = [[Fraction(0)] * (n + 1) for _ in range(n)]
    for i, state in enumerate(states):
        rows[i][i] += 1
        for toss in "HT":
            nxt = after(state, toss)
            if nxt == a:
                rows[i][n] += Fraction(1, 2)
            elif nxt != b:
                rows[i][index[nxt]] -= Fraction(1, 2)
    for col in range(n):
        pivot = next(r for r in range(col, n) if rows[r][col] != 0)
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [x - factor * y for x, y in zip(rows[r], rows[col], strict=True)]
    return rows[0][n] / rows[0][0]
