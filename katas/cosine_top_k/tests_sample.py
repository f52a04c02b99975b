"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check

TIED = 1e-12


def top_k_of(query, items, k):
    """k distinct indices whose similarities are the top k, in non-increasing order."""
    similarity = (items @ query) / (np.linalg.norm(items, axis=1) * np.linalg.norm(query))

    def compare(got, expected):
        values = got.tolist() if isinstance(got, np.ndarray) and got.dtype.kind in "iu" else got
        if not isinstance(values, list) or not all(type(i) is int for i in values):
            return "expected a list of ints"
        if len(values) != k or len(set(values)) != k:
            return f"expected {k} distinct indices"
        if not all(0 <= i < len(items) for i in values):
            return "an index out of range"
        chosen = similarity[values]
        if np.any(np.diff(chosen) > TIED):
            return "not in order of decreasing similarity"
        left_out = np.delete(similarity, values)
        if left_out.size and left_out.max() > chosen.min() + TIED:
            return "a more similar item was left out"
        return None

    return compare


ITEMS = np.array([[1.0, 0.0], [10.0, 10.0], [0.0, 3.0], [-1.0, 0.0]])


def test_two_nearest(solution):
    query = np.array([1.0, 0.2])
    check(solution, (query, ITEMS, 2), [0, 1], compare=top_k_of(query, ITEMS, 2))


def test_length_does_not_matter(solution):
    query = np.array([0.0, 1.0])
    check(solution, (query, ITEMS, 1), [2], compare=top_k_of(query, ITEMS, 1))
