"""What "Submit" adds to the samples: the edges of the contract, then properties."""

from hypothesis import given
from hypothesis import strategies as st
from reference import two_sum as oracle
from tests_sample import pair_for

from graders.kit import check


def verify(solution, nums, target):
    check(solution, (nums, target), oracle(nums, target), compare=pair_for(nums, target))


def test_empty(solution):
    verify(solution, [], 0)


def test_one_number(solution):
    verify(solution, [5], 10)


def test_negatives_and_zero(solution):
    verify(solution, [-3, 4, 0, 3, 90], 0)


def test_beyond_machine_words(solution):
    # Each fits in int64, their sum does not: fixed-width arithmetic wraps around.
    verify(solution, [2**62, 1, 2**62 + 1, 7], 2**63 + 1)


def test_beyond_int64(solution):
    verify(solution, [2**70, -(2**70) + 5, 3, 2**80], 5)


# The two large cases know their answer (the oracle would take as long as the candidate):
# pair_for accepts any pair that adds up, and checks that None is right only where it is told.


def test_large_list_pair_at_the_end(solution):
    # Only the last two even numbers add up to their sum.
    nums = list(range(0, 200_000, 2))
    target = nums[-1] + nums[-2]
    check(solution, (nums, target), (len(nums) - 2, len(nums) - 1), compare=pair_for(nums, target))


def test_large_list_no_pair(solution):
    # Even numbers never add up to an odd one.
    nums = list(range(0, 20_000, 2))
    check(solution, (nums, 1), None, compare=pair_for(nums, 1))


@given(nums=st.lists(st.integers(-20, 20), max_size=30), target=st.integers(-40, 40))
def test_matches_reference(solution, nums, target):
    verify(solution, nums, target)


@given(
    nums=st.lists(st.integers(-(2**70), 2**70), min_size=2, max_size=20),
    picks=st.tuples(st.integers(0, 19), st.integers(0, 19)),
)
def test_a_planted_pair_is_found(solution, nums, picks):
    i, j = (p % len(nums) for p in picks)
    if i == j:
        j = (i + 1) % len(nums)
    verify(solution, nums, nums[i] + nums[j])
