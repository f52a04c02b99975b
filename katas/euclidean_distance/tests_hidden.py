"""What "Submit" checks besides the samples: edge cases, then properties against the reference."""

import itertools
import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import euclidean_distance as oracle

from graders.kit import check, check_raises, close

# The contract's tolerance: within a relative OR an absolute error of 1e-9, so that distances
# near zero are not held to an impossible relative precision.
within = close(rel=1e-9, abs=1e-9)
LIMIT = 10**6

coordinates = st.one_of(
    st.floats(-LIMIT, LIMIT, allow_nan=False, allow_infinity=False),
    st.integers(-LIMIT, LIMIT),
)
# Short lists: the long and the largest cases are pinned above, so the properties stay cheap.
point_pairs = st.lists(st.tuples(coordinates, coordinates), max_size=10)


def test_empty_points(solution):
    check(solution, ([], []), 0.0, compare=within)


def test_one_coordinate(solution):
    check(solution, ([-2], [3]), 5.0, compare=within)


def test_numpy_arrays(solution):
    check(solution, (np.array([0.0, 0.0]), np.array([3.0, 4.0])), 5.0, compare=within)


def test_list_and_array(solution):
    check(solution, ([1.0, 2.0, 2.0], np.array([0.0, 0.0, 0.0])), 3.0, compare=within)


def test_largest_coordinates(solution):
    a, b = [LIMIT] * 20, [-LIMIT] * 20
    check(solution, (a, b), 2 * LIMIT * math.sqrt(20), compare=within)


def test_small_differences(solution):
    # float32 arithmetic would lose these: only float64 keeps 1e-9 relative precision here.
    a, b = [0.1, 1000.123456789], [0.2, 1000.0]
    check(solution, (a, b), oracle(a, b), compare=within)


def test_near_points_with_large_coordinates(solution):
    # Squaring before subtracting leaves terms near 1e12 whose difference is 1e-6.
    a, b = [LIMIT, -LIMIT + 0.5, 123456.789], [LIMIT - 0.001, -LIMIT + 0.5, 123456.789]
    check(solution, (a, b), oracle(a, b), compare=within)


def test_int64_arrays_at_the_limits(solution):
    a = np.full(1000, LIMIT, dtype=np.int64)
    b = np.full(1000, -LIMIT, dtype=np.int64)
    check(solution, (a, b), 2 * LIMIT * math.sqrt(1000), compare=within)


def test_long_points(solution):
    a = [math.sin(i) * LIMIT for i in range(1000)]
    b = [math.cos(i) * LIMIT for i in range(1000)]
    check(solution, (np.array(a), np.array(b)), oracle(a, b), compare=within)


def test_empty_and_nonempty(solution):
    check_raises(solution, ([], [1.0]), "ValueError")


def test_numpy_would_broadcast(solution):
    check_raises(solution, (np.array([1.0]), np.array([1.0, 2.0, 3.0])), "ValueError")


def as_numpy(values: list) -> np.ndarray:
    return np.array([float(value) for value in values])


# One property draws the kind of each point (the examples above pin each kind), so the
# grading pays for 100 examples rather than 100 per kind.
kinds = st.sampled_from([list, tuple, as_numpy])


@given(pairs=point_pairs, kind_a=kinds, kind_b=kinds)
def test_matches_reference(solution, pairs, kind_a, kind_b):
    a, b = kind_a([x for x, _ in pairs]), kind_b([y for _, y in pairs])
    check(solution, (a, b), oracle(a, b), compare=within)


# Near pairs: b is a plus a small step, where any cancellation shows.
@given(
    pairs=st.lists(
        st.tuples(coordinates, st.floats(-1e-3, 1e-3, allow_nan=False)), min_size=1, max_size=5
    ),
)
def test_matches_reference_near_points(solution, pairs):
    a = [float(x) for x, _ in pairs]
    b = [float(x) + step for x, step in pairs]
    check(solution, (a, b), oracle(a, b), compare=within)


# Different lengths: what matters is the two lengths, the kinds and the order, not the values,
# so every combination of those edges is tried (a property drew 40 of them at random, at ten
# times the cost): the empty point and the one-coordinate point (numpy broadcasts both), one
# and several extra coordinates, lists and float arrays in either place, the longer first or
# second. Smallest first, so the first failure reported is the simplest.
MIXED = [1, -2.5, LIMIT, 0.0, -LIMIT, 3.25]


def test_different_lengths_raise(solution):
    kinds = [list, as_numpy]
    for short, extra in itertools.product([0, 1, 2], [1, 2, 4]):
        shorter, longer = MIXED[:short], MIXED[: short + extra]
        for kind_shorter, kind_longer, longer_first in itertools.product(kinds, kinds, [0, 1]):
            a, b = kind_shorter(shorter), kind_longer(longer)
            check_raises(solution, (b, a) if longer_first else (a, b), "ValueError")
