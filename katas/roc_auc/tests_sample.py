"""The examples from the statement: what "Run" checks."""

from graders.kit import check, check_raises, close

within = close(rel=0.0, abs=1e-9)


def test_statement_example(solution):
    check(solution, ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75, compare=within)


def test_a_tie_counts_half(solution):
    check(solution, ([1, 0], [0.5, 0.5]), 0.5, compare=within)


def test_one_class_only(solution):
    check_raises(solution, ([1, 1], [0.2, 0.9]), "ValueError")
