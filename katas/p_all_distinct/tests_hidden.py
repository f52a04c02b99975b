"""What "Submit" checks besides the samples: edge cases, then properties against the reference.

tests/graders/test_katas_p_all_distinct.py checks the reference against exact fractions and
against listing every assignment of birthdays, so it can serve as the oracle here.
"""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st
from reference import p_all_distinct as oracle

from graders.kit import check, probability

within = probability(abs=1e-9)
SLACK = 1e-9  # the contract's tolerance, allowed to each answer in the ordering checks


def at_most(got, ceiling):
    """A probability no larger than `ceiling` (the answer with one person fewer)."""
    if isinstance(got, bool) or not isinstance(got, int | float | Fraction):
        return f"expected a number, got {type(got).__name__}"
    if not -SLACK <= got <= ceiling + SLACK:
        return f"should be between 0 and {ceiling}: one more person cannot make it likelier"
    return None


def test_notes_example(solution):
    # The quick answer's puzzle: kept out of the statement and the sample tests.
    check(solution, (30,), 0.2936837572807313, compare=within)


def test_nobody(solution):
    check(solution, (0,), 1.0, compare=within)


def test_one_person(solution):
    check(solution, (1,), 1.0, compare=within)


def test_everyone_fits_exactly(solution):
    check(solution, (365,), oracle(365), compare=within)


def test_fifty_seven_people(solution):
    # The notes: with 57 people a shared birthday is over 99% likely.
    check(solution, (57,), 0.00987754065883002, compare=within)


def test_one_day(solution):
    check(solution, (2,), 0.0, compare=within, days=1)


def test_all_keywords(solution):
    check(solution, (), oracle(30), compare=within, people=30, days=365)


def test_many_days(solution):
    check(solution, (60,), oracle(60, 1000), compare=within, days=1000)


def test_largest_sizes(solution):
    check(solution, (1000,), oracle(1000, 1000), compare=within, days=1000)


def test_far_more_people_than_days(solution):
    check(solution, (1000,), 0.0, compare=within, days=10)


# Many days: where formulas that subtract two huge logarithms (lgamma, Stirling) lose the
# digits that matter, and where days outgrows a 64-bit integer.
def test_a_million_days(solution):
    check(solution, (1000,), oracle(1000, 10**6), compare=within, days=10**6)


def test_ten_million_days(solution):
    check(solution, (1000,), oracle(1000, 10**7), compare=within, days=10**7)


def test_a_trillion_days(solution):
    check(solution, (1000,), oracle(1000, 10**12), compare=within, days=10**12)


def test_past_signed_64_bits(solution):
    check(solution, (1000,), oracle(1000, 2**63 + 1), compare=within, days=2**63 + 1)


def test_largest_sizes_in_days(solution):
    check(solution, (1000,), oracle(1000, 2**64), compare=within, days=2**64)


def test_matches_reference_for_a_year(solution):
    # Every room from 0 to 100 people, smallest first: the 101 values a property drew 100
    # examples from, all of them, for a few per cent of the CPU.
    for people in range(101):
        check(solution, (people,), oracle(people), compare=within)


# Mostly days near people, where every regime from 1.0 to 0.0 shows; sometimes any days at all.
@given(
    people=st.integers(0, 400),
    days=st.one_of(st.integers(1, 400), st.integers(1, 2**64)),
)
def test_matches_reference(solution, people, days):
    check(solution, (people, days), oracle(people, days), compare=within)


@given(people=st.integers(0, 60), days=st.integers(1, 100))
def test_one_more_person_never_helps(solution, people, days):
    fewer = check(solution, (people, days), oracle(people, days), compare=within)
    check(solution, (people + 1, days), fewer, compare=at_most)
