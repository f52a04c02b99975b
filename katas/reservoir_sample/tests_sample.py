"""The examples from the statement: what "Run" checks."""

from collections import Counter

from graders.kit import check


def sample_of(stream, k):
    """A list of min(k, n) items of stream: a sub-multiset of it, in any order."""

    def compare(got, expected):
        if not isinstance(got, list):
            return "expected a list"
        if len(got) != min(k, len(stream)):
            return f"expected {min(k, len(stream))} items, got {len(got)}"
        if Counter(got) - Counter(stream):
            return "items that are not in the stream (or more copies than it has)"
        return None

    return compare


def test_two_of_four(solution):
    stream = ["a", "b", "c", "d"]
    check(solution, (stream, 2, 7), ["a", "b"], compare=sample_of(stream, 2))


def test_fewer_than_k(solution):
    check(solution, ([5, 6], 3, 0), [5, 6], compare=sample_of([5, 6], 3))


def test_empty(solution):
    check(solution, ([], 2, 0), [], compare=sample_of([], 2))
