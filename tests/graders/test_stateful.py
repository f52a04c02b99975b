"""Class katas through the real sandbox: objects stay in the candidate's process, handles and
public method names cross, and a wrong class is shown by its shrunk sequence of calls."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from graders import Kata, Verdict, grade, load_kata
from tests.graders.conftest import KATAS_DIR

LRU = (KATAS_DIR / "lru_cache" / "reference.py").read_text(encoding="utf-8")
# Evicts on `>=`: a cache of capacity 1 keeps nothing.
OFF_BY_ONE = (KATAS_DIR / "lru_cache" / "wrong" / "off_by_one_capacity.py").read_text()


@pytest.fixture(scope="module")
def lru_cache() -> Kata:
    return load_kata(KATAS_DIR, "lru_cache")


@pytest.fixture
def with_lru_tests(tmp_path: Path, lru_cache: Kata) -> Callable[[str], Kata]:
    """The lru_cache kata copied to tmp_path, its `tests_sample.py` replaced by `text`."""

    def make(text: str) -> Kata:
        folder = tmp_path / "lru_cache"
        shutil.copytree(lru_cache.path, folder)
        (folder / "tests_sample.py").write_text(text, encoding="utf-8")
        return dataclasses.replace(lru_cache, path=folder)

    return make


def test_the_reference_passes_with_every_property_run_in_full(lru_cache: Kata) -> None:
    report = grade(lru_cache, LRU)
    assert report.passed, report.message
    stateful = [t for t in report.tests if t.name.endswith("test_matches_reference")]
    assert stateful and stateful[0].examples == lru_cache.max_examples


def test_a_wrong_class_shows_the_shrunk_sequence_of_calls(lru_cache: Kata) -> None:
    report = grade(lru_cache, OFF_BY_ONE)
    assert report.verdict is Verdict.FAILED
    assert report.failure is not None
    assert report.failure.test == "tests_sample.py::test_statement_example"
    assert report.failure.input.splitlines()[:3] == [
        "lru_cache = LRUCache(2)",
        "lru_cache.put(1, 1)",
        "lru_cache.put(2, 2)",
    ]
    # Only the hidden property can find what the fixed cases miss: shrunk to its fewest calls.
    # At capacity 3 only, updating a key of a full cache evicts the oldest entry first.
    full_update_evicts = LRU.replace(
        "        self.entries[key] = value\n",
        "        if self.capacity == 3 and key in self.entries and len(self.entries) == 3:\n"
        "            self.entries.popitem(last=False)\n"
        "        self.entries[key] = value\n",
        1,
    )
    report = grade(lru_cache, full_update_evicts)
    assert report.failure is not None, report.message
    assert report.failure.test == "tests_hidden.py::test_matches_reference"
    assert report.failure.input.splitlines() == [
        "lru_cache = LRUCache(3)",
        "lru_cache.put(0, 0)",
        "lru_cache.put(1, 0)",
        "lru_cache.get(0)",
        "lru_cache.put(2, 0)",
        "lru_cache.put(0, 0)",
        "lru_cache.get(1)",
    ]
    assert (report.failure.expected, report.failure.got) == ("0", "-1")
    assert "failed for lru_cache.get(1) (the last of a sequence of calls)" in report.message


def test_a_raise_in_a_method_is_an_error_showing_the_calls(lru_cache: Kata) -> None:
    source = LRU.replace("        if key not in self.entries:\n            return -1\n", "")
    report = grade(lru_cache, source)
    assert report.verdict is Verdict.ERROR
    assert report.error is not None and report.error.type == "KeyError"
    assert report.error.input.splitlines()[0] == "lru_cache = LRUCache(2)"
    assert report.error.line is not None and "in get" in report.error.traceback


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("def LRUCache(capacity):\n    return {}\n", "does not define a class named 'LRUCache'"),
        ("class LruCache:\n    pass\n", "does not define a class named 'LRUCache'"),
        (
            "class LRUCache:\n    def __init__(self, capacity):\n        pass\n",
            "does not define a method named 'put' (in class LRUCache)",
        ),
    ],
)
def test_a_missing_class_or_method_is_named(lru_cache: Kata, source: str, message: str) -> None:
    report = grade(lru_cache, source, hidden=False)
    assert report.verdict is Verdict.ERROR
    assert report.error is not None and message in report.error.message, report.error


def test_a_method_returning_an_object_cannot_send_it(lru_cache: Kata) -> None:
    source = LRU.replace("        return self.entries[key]", "        return self")
    report = grade(lru_cache, source, hidden=False)
    assert report.error is not None and report.error.type == "TypeError"
    assert "get() returned a value that cannot be sent back" in report.error.message


PROTOCOL_TESTS = """
import gc

import pytest
from graders.kit import CandidateRaised, check


def test_objects_are_separate_and_named_reaches_other_callables(solution):
    one, two = solution(1), solution(2)
    one.put(1, 10)
    check(two.get, (1,), -1)
    check(one.get, (1,), 10)
    check(solution.named("helper"), (3,), 6)
    counter = solution.named("Counter")(start=5)
    check(counter.bump, (), 6)
    assert repr(one) == "<the candidate's LRUCache object>"


def test_a_missing_top_level_name_is_a_candidate_error(solution):
    with pytest.raises(CandidateRaised, match="does not define a function or class named 'nope'"):
        solution.named("nope")()


def test_private_and_dunder_names_never_cross(solution):
    cache = solution(1)
    getter = cache.get
    getter(0)  # a method stand-in read and never called fails the test
    method = type(getter)
    for name in ("__class__", "__reduce__", "__dict__", "__len__", "_entries", "_capacity"):
        # The proxy's own attributes, or none: never a call to the candidate's object.
        assert not isinstance(getattr(cache, name, None), method)
    for name in ("__import__", "_secret", "not a name"):
        with pytest.raises(AttributeError):
            solution.named(name)


def test_the_candidate_refuses_what_the_proxies_would_not_send(solution):
    cache = solution(1)
    handle = cache._handle
    for target, method, message in [
        (handle, "__reduce__", "only public names"),
        (handle, "__class__", "only public names"),
        (handle, "_LRUCache__secret", "only public names"),
        ("__builtins__", None, "only public names"),
        ("LRUCache", "get", "a call names a function or class"),
        (handle + 1000, "get", "no object has the handle"),
        (-1, "get", "no object has the handle"),
        (True, "get", "a call names a function or class"),
        (handle, None, "a call names a function or class"),
        (handle, "capacity", "is not a method"),
    ]:
        with pytest.raises(CandidateRaised, match=message):
            solution.request(target, method, (), {}, "forged")
    check(cache.get, (7,), -1)


def test_the_candidate_drops_the_objects_the_tests_dropped(solution):
    first = solution(1)
    handle = first._handle
    del first
    gc.collect()
    second = solution(1)  # this call tells the candidate's process the first is gone
    assert second._handle != handle
    with pytest.raises(CandidateRaised, match="no object has the handle"):
        solution.request(handle, "get", (7,), {}, "forged")
    check(second.get, (7,), -1)
"""

HELPERS = """

def helper(x):
    return 2 * x


class Counter:
    def __init__(self, start):
        self.value = start

    def bump(self):
        self.value += 1
        return self.value
"""


def test_handles_public_names_and_forgeries(with_lru_tests: Callable[[str], Kata]) -> None:
    report = grade(with_lru_tests(PROTOCOL_TESTS), LRU + HELPERS, hidden=False)
    assert report.passed, (report.message, [t.message for t in report.tests])
    assert len(report.tests) == 5


SEQUENCE_TESTS = """
import pytest
from graders.kit import CandidateRaised, Returned


def test_a_sequence_is_one_round_trip_answering_every_call_in_order(solution):
    before = solution.seq
    outcomes = solution.sequence(
        ((1,), {}),
        [("put", (1, 10), {}), ("get", (1,), {}), ("nope", (), {}), ("get", (2,), {})],
    )
    assert solution.seq == before + 1
    assert outcomes[:3] == [Returned(None), Returned(None), Returned(10)]
    assert isinstance(outcomes[3], CandidateRaised)
    assert "does not define a method named 'nope'" in outcomes[3].message
    # A raise does not end the sequence: the object answers the calls after it.
    assert outcomes[4:] == [Returned(-1)]


def test_a_sequence_whose_construction_raises_answers_that_alone(solution):
    (raised,) = solution.sequence(((), {"wrong": 1}), [("get", (1,), {})])
    assert isinstance(raised, CandidateRaised) and raised.type_name == "TypeError"
    (made,) = solution.named("helper").sequence(((3,), {}), [("get", (1,), {})])
    assert isinstance(made, CandidateRaised) and "helper is not a class" in made.message


def test_a_sequence_never_names_a_private_method(solution):
    with pytest.raises(AttributeError, match="only public names"):
        solution.sequence(((1,), {}), [("get", (1,), {}), ("__reduce__", (), {})])


def test_a_value_that_cannot_cross_fails_only_its_own_call(solution):
    cache = solution.named("Counter")
    made, bumped, itself = cache.sequence(((5,), {}), [("bump", (), {}), ("itself", (), {})])
    assert (made, bumped) == (Returned(None), Returned(6))
    assert isinstance(itself, CandidateRaised)
    assert "Counter.itself() returned a value that cannot be sent back" in itself.message


def test_answers_over_the_frame_limit_fail_from_the_first_that_overflows(solution):
    # Three answers of 3 MB: two fit in one reply, the third would overflow it.
    counter = solution.named("Counter")
    calls = [("text", (3_000_000,), {})] * 3 + [("text", (9_000_000,), {}), ("bump", (), {})]
    made, first, second, third, alone, bumped = counter.sequence(((0,), {}), calls)
    assert made == Returned(None)
    assert first == second == Returned("x" * 3_000_000)
    for raised in (third, alone):
        assert isinstance(raised, CandidateRaised)
        assert "Counter.text() returned a value that cannot be sent back" in raised.message
        assert "bytes in all" in raised.message
    assert bumped == Returned(1)
"""

SEQUENCE_HELPERS = (
    HELPERS
    + """

    def itself(self):
        return self

    def text(self, size):
        return "x" * size
"""
)


def test_a_class_kata_example_crosses_as_one_sequence(
    with_lru_tests: Callable[[str], Kata],
) -> None:
    report = grade(with_lru_tests(SEQUENCE_TESTS), LRU + SEQUENCE_HELPERS, hidden=False)
    assert report.passed, (report.message, [t.message for t in report.tests])
    assert len(report.tests) == 5


# The candidate's process rewrites its own answers to a sequence, as hostile code may: the
# harness takes nothing but one well-formed outcome per call for a pass.
FORGED_OUTCOMES = {
    "too few": "[['return', None]]",
    "too many": "[['return', None]] * (len(calls) + 2)",
    "malformed": "[['return', None]] + [['maybe', 1]] * len(calls)",
    "a raise without its description": "[['return', None]] + [['raise', 1]] * len(calls)",
}


@pytest.mark.parametrize("outcomes", FORGED_OUTCOMES.values(), ids=FORGED_OUTCOMES.keys())
def test_forged_sequence_outcomes_are_never_a_pass(lru_cache: Kata, outcomes: str) -> None:
    forging = (
        "import sys\n"
        "_candidate = sys.modules['graders._inside.candidate']\n"
        "def _forged(objects, seq, class_name, init, calls):\n"
        f"    return _candidate.pack(_candidate.Link.OUTCOMES, seq, {outcomes})\n"
        "_candidate._run_sequence = _forged\n"
    )
    report = grade(lru_cache, LRU + forging)
    assert report.verdict is Verdict.ERROR, report.message
    assert report.message.startswith("Your code's process sent something other than an answer")
