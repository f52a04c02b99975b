"""The examples from the statement: what "Run" checks."""

from graders.kit import check


def pair_for(nums, target):
    """Accept any tuple (i, j), i < j, of positions that add up; None only if none exist."""

    def compare(got, expected):
        if expected is None:
            return None if got is None else "there is no such pair"
        if not isinstance(got, tuple) or len(got) != 2:
            return "expected a tuple (i, j)"
        i, j = got
        if not (type(i) is int and type(j) is int and 0 <= i < j < len(nums)):
            return "expected two positions i < j in the list"
        return None if nums[i] + nums[j] == target else "those two do not add up to target"

    return compare


def test_first_example(solution):
    check(solution, ([2, 7, 11, 15], 9), (0, 1), compare=pair_for([2, 7, 11, 15], 9))


def test_not_the_same_element_twice(solution):
    check(solution, ([3, 2, 4], 6), (1, 2), compare=pair_for([3, 2, 4], 6))


def test_equal_values(solution):
    check(solution, ([3, 3], 6), (0, 1), compare=pair_for([3, 3], 6))


def test_no_pair(solution):
    check(solution, ([1, 2, 3], 100), None, compare=pair_for([1, 2, 3], 100))
