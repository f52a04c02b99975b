"""The examples from the statement: what "Run" checks."""

from graders.kit import check


def same_intervals(got, expected):
    """A list of [start, end] pairs (lists or tuples) equal to the expected ones, in order."""
    # The usual answer, a list of lists, compares in one step (C speed on 20 000 pairs); any
    # other answer (tuples, numpy arrays, a wrong list) gets the full check below.
    try:
        if type(got) is list and got == expected:
            return None
    except Exception:  # an element whose == is not a bool (a numpy array)
        pass
    if not isinstance(got, list) or not all(
        isinstance(pair, list | tuple) and len(pair) == 2 for pair in got
    ):
        return "expected a list of [start, end] pairs"
    if [list(pair) for pair in got] != expected:
        return "different intervals"
    return None


def test_statement_example(solution):
    intervals = [[1, 3], [8, 10], [2, 6], [15, 18]]
    check(solution, (intervals,), [[1, 6], [8, 10], [15, 18]], compare=same_intervals)


def test_touching(solution):
    check(solution, ([[1, 4], [4, 5]],), [[1, 5]], compare=same_intervals)


def test_nested(solution):
    check(solution, ([[1, 10], [2, 3]],), [[1, 10]], compare=same_intervals)


def test_empty(solution):
    check(solution, ([],), [], compare=same_intervals)
