"""The examples from the statement: what "Run" checks."""

from graders.kit import check


def draws_from(weights, count):
    """`count` ints in range, none of them an index of weight 0."""

    def compare(got, expected):
        values = got.tolist() if hasattr(got, "tolist") and hasattr(got, "dtype") else got
        if not isinstance(values, list) or not all(type(v) is int for v in values):
            return "expected a list of ints"
        if len(values) != count:
            return f"expected {count} draws, got {len(values)}"
        if not all(0 <= v < len(weights) for v in values):
            return "an index out of range"
        if any(weights[v] == 0 for v in values):
            return "an index of weight 0 was drawn"
        return None

    return compare


def test_four_draws(solution):
    check(solution, ([1, 3], 4, 0), [1, 1, 0, 1], compare=draws_from([1, 3], 4))


def test_zero_weights_never_drawn(solution):
    check(solution, ([0, 5, 0], 3, 1), [1, 1, 1], compare=draws_from([0, 5, 0], 3))
