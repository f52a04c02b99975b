"""The examples from the statement: what "Run" checks."""

from reference import StreamingMedian as Reference

from graders.kit import check_calls, close

MEDIAN = {"median": close(rel=1e-9, abs=0.0)}


def test_statement_example(solution):
    calls = []
    for x in (5, 1, 4, 2, -3):
        calls += [("add", (x,)), ("median", ())]
    check_calls(solution, Reference, (), calls, compare=MEDIAN)


def test_a_half(solution):
    check_calls(solution, Reference, (), [("add", (1,)), ("add", (2,)), ("median", ())], MEDIAN)


def test_no_numbers_yet(solution):
    check_calls(solution, Reference, (), [("median", ())], compare=MEDIAN)
