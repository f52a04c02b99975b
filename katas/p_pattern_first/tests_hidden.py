"""What "Submit" checks besides the samples: edge cases, then properties against the reference.

The reference is Conway's leading-number formula; tests/graders/test_katas_p_pattern_first.py
checks it against solving the Markov chain exactly, so it can serve as the oracle here.
"""

from fractions import Fraction
from itertools import product

from hypothesis import given
from hypothesis import strategies as st
from reference import p_pattern_first as oracle

from graders.kit import check, exact_fraction

PATTERNS = ["".join(tosses) for n in range(1, 6) for tosses in product("HT", repeat=n)]
# Every valid pair up to length 5, shortest first: Hypothesis shrinks towards the list's start,
# so a failure is reported on the simplest pair that shows it.
VALID_PAIRS = sorted(
    ((a, b) for a in PATTERNS for b in PATTERNS if a != b and a not in b and b not in a),
    key=lambda pair: (len(pair[0]) + len(pair[1]), pair),
)
pairs = st.sampled_from(VALID_PAIRS)


def test_notes_example(solution):
    # The quick answer's puzzle: kept out of the statement and the sample tests.
    check(solution, ("HH", "TH"), Fraction(1, 4), compare=exact_fraction)


def test_swapped_notes_example(solution):
    check(solution, ("TH", "HH"), Fraction(3, 4), compare=exact_fraction)


def test_single_tosses(solution):
    check(solution, ("T", "H"), Fraction(1, 2), compare=exact_fraction)


def test_lengths_differ(solution):
    check(solution, ("H", "TT"), Fraction(3, 4), compare=exact_fraction)


def test_self_overlapping_loses(solution):
    check(solution, ("HHH", "THH"), Fraction(1, 8), compare=exact_fraction)


def test_penney_first_pair(solution):
    check(solution, ("HHT", "THH"), Fraction(1, 4), compare=exact_fraction)


def test_long_patterns(solution):
    a, b = "HTHHTHTTHHTHTTTHHTHT", "THTTHHHTHTHHTTHTHTHH"
    check(solution, (a, b), oracle(a, b), compare=exact_fraction)


def test_long_against_short(solution):
    a, b = "HHHHHHHHHHHHHHHHHHHH", "T"
    check(solution, (a, b), Fraction(1, 2**20), compare=exact_fraction)


@given(pair=pairs)
def test_matches_reference(solution, pair):
    a, b = pair
    check(solution, (a, b), oracle(a, b), compare=exact_fraction)


@given(pair=pairs)
def test_someone_wins(solution, pair):
    # The game always ends and never in a tie, so the two orders' answers add up to 1.
    a, b = pair
    a_first = check(solution, (a, b), oracle(a, b), compare=exact_fraction)
    check(solution, (b, a), 1 - Fraction(a_first), compare=exact_fraction)
