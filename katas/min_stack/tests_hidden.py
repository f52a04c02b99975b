"""What "Submit" adds to the sample: the edges of the contract, then random call sequences."""

import pytest
from hypothesis import strategies as st
from reference import MinStack as Reference

from graders.kit import check_calls, check_stateful

NUMBERS = st.integers(-5, 5) | st.integers(-(10**9), 10**9)
NOTHING = st.just(())


@pytest.mark.parametrize("method", ["pop", "top", "get_min"])
def test_an_empty_stack_raises(solution, method):
    check_calls(solution, Reference, (), [(method, ())])


def test_empty_again_after_popping_everything(solution):
    calls = [("push", (1,)), ("pop", ()), ("top", ()), ("get_min", ()), ("push", (4,))]
    check_calls(solution, Reference, (), [*calls, ("get_min", ())])


def test_negative_and_large_numbers(solution):
    calls = [("push", (x,)) for x in (0, -(10**9), 10**9, -1)]
    check_calls(solution, Reference, (), [*calls, ("get_min", ()), ("pop", ()), ("get_min", ())])


def test_a_repeated_minimum_survives_one_pop(solution):
    calls = [("push", (1,)), ("push", (1,)), ("pop", ()), ("get_min", ())]
    check_calls(solution, Reference, (), calls)


def test_a_deep_stack(solution):
    pushes = [("push", ((i * 37) % 101 - 50,)) for i in range(120)]
    pops = [call for _ in range(80) for call in (("pop", ()), ("get_min", ()))]
    check_calls(solution, Reference, (), [*pushes, *pops])


def test_matches_reference(solution):
    check_stateful(
        solution,
        Reference,
        init=NOTHING,
        methods={"push": st.tuples(NUMBERS), "pop": NOTHING, "top": NOTHING, "get_min": NOTHING},
    )
