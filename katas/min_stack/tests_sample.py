"""The example from the statement: what "Run" checks."""

from reference import MinStack as Reference

from graders.kit import check_calls


def test_statement_example(solution):
    calls = [("push", (3,)), ("push", (5,)), ("get_min", ()), ("push", (2,)), ("push", (2,))]
    calls += [("get_min", ()), ("pop", ()), ("get_min", ()), ("pop", ()), ("get_min", ())]
    calls += [("top", ()), ("pop", ()), ("pop", ()), ("get_min", ())]
    check_calls(solution, Reference, (), calls)
