"""What "Submit" checks besides the samples: edge cases, then properties against the reference.

The reference is a streak-length recursion; tests/graders/test_katas_p_consecutive.py checks
it against enumerating every outcome, so it can serve as the oracle here.
"""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st
from reference import p_consecutive as oracle

from graders.kit import check, exact_fraction

# Small enough that every example is cheap; exact fractions grow like sides**rolls.
rolls = st.integers(0, 12)
runs = st.integers(1, 5)
sides = st.integers(1, 8)


def at_least(got, floor):
    """An exact probability between `floor` (the answer for one roll fewer) and 1."""
    if isinstance(got, bool) or not isinstance(got, Fraction | int):
        return f"expected a Fraction, got {type(got).__name__}"
    return None if floor <= got <= 1 else f"should be between {floor} and 1"


def test_notes_example(solution):
    # The quick answer's puzzle: kept out of the statement and the sample tests.
    check(solution, (3,), Fraction(11, 216), compare=exact_fraction)


def test_no_rolls(solution):
    check(solution, (0,), Fraction(0), compare=exact_fraction)


def test_too_few_rolls(solution):
    check(solution, (1,), Fraction(0), compare=exact_fraction)


def test_all_keywords(solution):
    check(solution, (), Fraction(11, 216), compare=exact_fraction, rolls=3, run=2, sides=6)


def test_coin_at_least_one_head(solution):
    check(solution, (3,), Fraction(7, 8), compare=exact_fraction, run=1, sides=2)


def test_one_sided_die(solution):
    check(solution, (5,), Fraction(1), compare=exact_fraction, run=5, sides=1)


# The reference's answers for the two long cases, written out: exact fractions over 6**60 and
# 20**100 took each grading ~4 ms of CPU to find. Each numerator over sides**rolls is the
# number of sequences of rolls that hold the run.
MANY_ROLLS_HITS = 9946292378409085001773069058537844679869834551
LARGEST_CASE_HITS = int(
    "10708181339783143238804985791498699444301161497236411051002417351448674691428064"
    "9477961648679820572998164850241674293800"
)


def test_many_rolls(solution):
    expected = Fraction(MANY_ROLLS_HITS, 6**60)
    check(solution, (60,), expected, compare=exact_fraction, run=3, sides=6)


def test_largest_case(solution):
    expected = Fraction(LARGEST_CASE_HITS, 20**100)
    check(solution, (100,), expected, compare=exact_fraction, run=10, sides=20)


@given(rolls=rolls, run=runs, sides=sides)
def test_matches_reference(solution, rolls, run, sides):
    check(solution, (rolls, run, sides), oracle(rolls, run, sides), compare=exact_fraction)


def test_single_roll_runs(solution):
    # run=1 is "the face shows at least once": one minus "it never shows". All 80 pairs of
    # 0-9 rolls and 1-8 sides, fewest rolls first: what a property drew 60 examples from, all
    # of them, for a fraction of the CPU.
    for rolls in range(10):
        for sides in range(1, 9):
            expected = 1 - Fraction(sides - 1, sides) ** rolls
            check(solution, (rolls, 1, sides), expected, compare=exact_fraction)


@given(rolls=st.integers(0, 11), run=runs, sides=sides)
def test_more_rolls_never_lower(solution, rolls, run, sides):
    # A run within the first rolls is still there after one more roll.
    fewer = solution(rolls, run, sides)
    check(solution, (rolls + 1, run, sides), fewer, compare=at_least)
