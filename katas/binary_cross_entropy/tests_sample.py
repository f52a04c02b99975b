"""The examples from the statement: what "Run" checks."""

import numpy as np

from graders.kit import check, close

# The contract's tolerance: relative 1e-9, or absolute 1e-12 for losses near zero.
within = close(rel=1e-9, abs=1e-12)


def test_zero_logit_costs_log_two(solution):
    check(solution, (np.array([0.0]), np.array([1])), 0.6931471805599453, compare=within)


def test_two_examples(solution):
    expected = (np.log1p(np.exp(-2.0)) + np.log1p(np.exp(-1.0))) / 2
    check(solution, (np.array([2.0, -1.0]), np.array([1, 0])), float(expected), compare=within)


def test_confidently_wrong(solution):
    check(solution, (np.array([-1000.0]), np.array([1])), 1000.0, compare=within)
