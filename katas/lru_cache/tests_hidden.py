"""What "Submit" adds to the samples: the edges of the contract, then random call sequences."""

import pytest
from hypothesis import strategies as st
from reference import LRUCache as Reference

from graders.kit import check_calls, check_stateful

KEYS = st.integers(0, 4)
VALUES = st.integers(0, 9)


def test_capacity_one(solution):
    calls = [("put", (1, 1)), ("get", (1,)), ("put", (2, 2)), ("get", (1,)), ("get", (2,))]
    check_calls(solution, Reference, (1,), calls)


def test_a_miss_on_an_empty_cache(solution):
    check_calls(solution, Reference, (3,), [("get", (0,)), ("get", (7,))])


def test_a_get_is_a_use(solution):
    calls = [("put", (1, 1)), ("put", (2, 2)), ("get", (1,)), ("put", (3, 3))]
    check_calls(solution, Reference, (2,), [*calls, ("get", (2,)), ("get", (1,)), ("get", (3,))])


def test_updating_a_key_of_a_full_cache_evicts_nothing(solution):
    calls = [("put", (1, 1)), ("put", (2, 2)), ("put", (2, 20))]
    check_calls(solution, Reference, (2,), [*calls, ("get", (1,)), ("get", (2,))])


def test_a_miss_does_not_change_the_order(solution):
    calls = [("put", (1, 1)), ("put", (2, 2)), ("get", (9,)), ("put", (3, 3))]
    check_calls(solution, Reference, (2,), [*calls, ("get", (1,)), ("get", (2,))])


def test_exactly_full_evicts_nothing(solution):
    puts = [("put", (key, key * 10)) for key in range(4)]
    check_calls(solution, Reference, (4,), [*puts, *(("get", (key,)) for key in range(4))])


# Every capacity the random sequences below start from, each rule pinned: a cache right at
# one capacity only, that holds one entry too many or too few, or forgets that a get or an
# update is a use, is told apart here, whatever calls the random runs happen to make.
SMALL = [1, 2, 3]


def _fill(capacity):
    return [("put", (key, key + 5)) for key in range(capacity)]


def _probe(capacity):
    return [("get", (key,)) for key in range(capacity + 1)]


@pytest.mark.parametrize("capacity", SMALL)
def test_one_past_full_evicts_the_oldest(solution, capacity):
    calls = [*_fill(capacity), ("put", (capacity, 0)), *_probe(capacity)]
    check_calls(solution, Reference, (capacity,), calls)


@pytest.mark.parametrize("capacity", SMALL)
def test_a_get_saves_the_oldest(solution, capacity):
    calls = [*_fill(capacity), ("get", (0,)), ("put", (capacity, 0)), *_probe(capacity)]
    check_calls(solution, Reference, (capacity,), calls)


@pytest.mark.parametrize("capacity", SMALL)
def test_an_update_saves_the_oldest(solution, capacity):
    calls = [*_fill(capacity), ("put", (0, 9)), ("put", (capacity, 0)), *_probe(capacity)]
    check_calls(solution, Reference, (capacity,), calls)


def test_large_values_and_keys(solution):
    calls = [("put", (10**9, 10**9)), ("put", (-(10**9), 0)), ("get", (10**9,))]
    check_calls(solution, Reference, (2,), [*calls, ("get", (-(10**9),))])


def test_a_large_cache(solution):
    fill = [("put", (key, key * 3)) for key in range(300)]
    uses = [("get", (key,)) for key in range(0, 300, 4)]
    more = [("put", (key, key)) for key in range(5_000, 5_100)]
    probes = [("get", (key,)) for key in range(0, 300, 5)]
    check_calls(solution, Reference, (300,), [*fill, *uses, *more, *probes])


def test_matches_reference(solution):
    check_stateful(
        solution,
        Reference,
        init=st.tuples(st.integers(1, 3)),
        methods={"get": st.tuples(KEYS), "put": st.tuples(KEYS, VALUES)},
    )
