"""What "Submit" adds to the samples: the edges of the contract, then properties.

The reference solves the chain's equations; test_closed_form checks it against the known
closed form (1 - p**run) / ((1 - p) p**run) as well.
"""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st
from reference import expected_flips as oracle

from graders.kit import check, exact_fraction

probabilities = st.builds(
    Fraction, st.integers(1, 1000), st.integers(1, 1000)
).filter(lambda p: p <= 1)


def test_fair_coin_long_run(solution):
    # 2**(run + 1) - 2: exact only as an integer once it passes 2**53.
    check(solution, (100, Fraction(1, 2)), Fraction(2**101 - 2), compare=exact_fraction)


def test_unlikely_heads(solution):
    # About 1000**200 = 1e600: beyond any float.
    check(solution, (200, Fraction(1, 1000)), oracle(200, Fraction(1, 1000)),
          compare=exact_fraction)


def test_likely_heads(solution):
    check(solution, (5, Fraction(999, 1000)), oracle(5, Fraction(999, 1000)),
          compare=exact_fraction)


def test_certain_heads(solution):
    check(solution, (200, Fraction(1)), Fraction(200), compare=exact_fraction)


def test_one_head(solution):
    check(solution, (1, Fraction(2, 7)), Fraction(7, 2), compare=exact_fraction)


@given(run=st.integers(1, 12), p=probabilities)
def test_matches_reference(solution, run, p):
    check(solution, (run, p), oracle(run, p), compare=exact_fraction)


@given(run=st.integers(1, 30), p=probabilities.filter(lambda p: p < 1))
def test_closed_form(solution, run, p):
    check(solution, (run, p), (1 - p**run) / ((1 - p) * p**run), compare=exact_fraction)
