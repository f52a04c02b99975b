"""The examples from the statement: what "Run" checks."""

import math

from graders.kit import check


def binomial_quantile(n, p, level):
    """The smallest k with P(Binomial(n, p) <= k) >= level (0 below, n above [0, 1]).

    Floats are exact enough here (n <= 100): the slack around each level is far wider than
    their rounding.
    """
    if level <= 0:
        return 0
    total = 0.0
    for k in range(n + 1):
        total += math.comb(n, k) * p**k * (1 - p) ** (n - k)
        if total >= level:
            return k
    return n


def interval_for(data, resamples, confidence):
    """Bounds for each end on 0/1 data, from the exact binomial law of the bootstrap mean."""
    n = len(data)
    p = sum(data) / n
    tail = (1 - confidence) / 2

    def bracket(q):
        slack = 6 * math.sqrt(q * (1 - q) / resamples) + 1 / resamples
        low = binomial_quantile(n, p, q - slack)
        high = binomial_quantile(n, p, min(1.0, q + slack))
        return low / n, high / n

    ends = (bracket(tail), bracket(1 - tail))

    def compare(got, expected):
        if not isinstance(got, tuple) or len(got) != 2:
            return "expected a tuple (low, high)"
        if not all(isinstance(v, float) for v in got):
            return "expected two floats"
        if got[0] > got[1]:
            return "low is above high"
        for name, value, (lo, hi) in zip(("low", "high"), got, ends, strict=True):
            if not lo - 1e-12 <= value <= hi + 1e-12:
                return f"{name} should lie in [{lo:.4f}, {hi:.4f}]"
        return None

    return compare


def test_constant_data(solution):
    check(solution, ([4, 4, 4], 1000, 0.95, 0), (4.0, 4.0),
          compare=lambda got, want: None if got == want else "expected exactly (4.0, 4.0)")


def test_coin_flips(solution):
    data = [0, 1] * 20
    check(solution, (data, 2000, 0.95, 1), (0.35, 0.65), compare=interval_for(data, 2000, 0.95))
