"""The examples from the statement: what "Run" checks."""

from reference import LRUCache as Reference

from graders.kit import check_calls


def test_statement_example(solution):
    calls = [
        ("put", (1, 1)),
        ("put", (2, 2)),
        ("get", (1,)),
        ("put", (3, 3)),
        ("get", (2,)),
        ("put", (4, 4)),
        ("get", (1,)),
        ("get", (3,)),
        ("get", (4,)),
    ]
    check_calls(solution, Reference, (2,), calls)


def test_updating_a_key_is_a_use(solution):
    calls = [("put", (1, 1)), ("put", (2, 2)), ("put", (1, 10)), ("put", (3, 3))]
    check_calls(solution, Reference, (2,), [*calls, ("get", (1,)), ("get", (2,))])
