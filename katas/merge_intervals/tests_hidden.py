"""What "Submit" adds to the samples: the edges of the contract, then properties."""

from hypothesis import given
from hypothesis import strategies as st
from reference import merge_intervals as oracle
from tests_sample import same_intervals

from graders.kit import check


def intervals(low=-30, high=30):
    # A dozen intervals in a range of sixty already overlap, touch, nest and repeat; the
    # large inputs are pinned above, so the properties stay cheap. The strategy is built
    # once (Hypothesis validates a strategy built inside a composite at every example).
    pairs = st.lists(st.tuples(st.integers(low, high), st.integers(0, 12)), max_size=12)
    return pairs.map(lambda pairs: [[a, a + length] for a, length in pairs])


def test_one_interval(solution):
    check(solution, ([[5, 5]],), [[5, 5]], compare=same_intervals)


def test_points_apart_stay_apart(solution):
    check(solution, ([[3, 3], [1, 1], [2, 2]],), [[1, 1], [2, 2], [3, 3]], compare=same_intervals)


def test_gap_of_one(solution):
    check(solution, ([[1, 2], [3, 4]],), [[1, 2], [3, 4]], compare=same_intervals)


def test_nested_then_more(solution):
    # A short interval inside a long one must not pull the end back in.
    check(solution, ([[1, 10], [2, 3], [9, 12]],), [[1, 12]], compare=same_intervals)


def test_unsorted_chain(solution):
    check(solution, ([[7, 9], [1, 3], [3, 5], [5, 7]],), [[1, 9]], compare=same_intervals)


def test_tuples_and_repeats(solution):
    check(solution, ([(2, 4), (2, 4), (-5, -1)],), [[-5, -1], [2, 4]], compare=same_intervals)


def test_beyond_machine_words(solution):
    big = 2**80
    given_intervals = [[big, big + 10], [-big, 0], [big + 10, big + 11]]
    check(solution, (given_intervals,), [[-big, 0], [big, big + 11]], compare=same_intervals)


def many_intervals():
    """20 000 intervals and their merge: 10 000 that merge with nothing, then 10 000 that merge
    into one. One case for both jobs, since every interval crosses to the candidate's process
    and back (two cases of 20 000, one for each job, cost twice as much)."""
    # Nothing merges: starts 3 apart from 20 000 on, in a shuffled order. An answer that
    # compares every pair does over 10**8 comparisons; one that rescans after each merge,
    # many more, since the 10 000 merges come after these.
    starts = [20_000 + 3 * ((i * 7919) % 10_000) for i in range(10_000)]
    apart = [[start, start + 1] for start in starts]
    # The starts are every number in [0, 10 007) but seven, no two of those adjacent: each
    # interval overlaps the next start's or touches it (seven times), so all merge into one.
    chain = [[start % 10_007, start % 10_007 + 2] for start in range(0, 30_000, 3)]
    merged = [[0, 10_008]] + [[20_000 + 3 * i, 20_000 + 3 * i + 1] for i in range(10_000)]
    return apart + chain, merged


def test_many_intervals(solution):
    given_intervals, merged = many_intervals()
    check(solution, (given_intervals,), merged, compare=same_intervals)


@given(given_intervals=intervals())
def test_matches_reference(solution, given_intervals):
    check(solution, (given_intervals,), oracle(given_intervals), compare=same_intervals)


@given(given_intervals=intervals(low=-(2**70), high=2**70))
def test_matches_reference_sparse(solution, given_intervals):
    check(solution, (given_intervals,), oracle(given_intervals), compare=same_intervals)
