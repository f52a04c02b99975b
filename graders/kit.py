"""What kata tests import: checks that compare a candidate's answer to the expected one.

Kata tests run in the harness sandbox. They receive the candidate's function as the
`solution` fixture: calling it sends plain data to the candidate's own sandboxed process
and returns a freshly decoded copy of the result, so nothing the candidate returns can
run code here. A candidate exception comes back as `CandidateRaised`.

A failed check raises `Mismatch`, an AssertionError that carries the call's arguments,
the expected value and the value received, so the report can show the (minimal, when
Hypothesis shrank it) failing input with expected and got.

For a class kata, `check_stateful` drives the candidate's object and the reference's through
the same random sequence of method calls (Hypothesis stateful testing), and a failure shows
the shrunk sequence of calls that made them disagree.
"""

from __future__ import annotations

import copy
import math
import re
import reprlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from graders.failures import CandidateRaised, Mismatch

__all__ = [
    "CandidateRaised",
    "Comparison",
    "Mismatch",
    "Outcome",
    "Returned",
    "check",
    "check_calls",
    "check_raises",
    "check_stateful",
    "close",
    "exact",
    "exact_fraction",
    "ndarray",
    "probability",
    "same_items",
    "same_lists_any_order",
    "short_repr",
]

Comparison = Callable[[Any, Any], str | None]
"""A comparison returns None when `got` is acceptable, else a short reason."""


def check(
    solution: Callable[..., Any],
    args: tuple[Any, ...],
    expected: Any,
    compare: Comparison | None = None,
    **kwargs: Any,
) -> Any:
    """Call the candidate with `args`; raise `Mismatch` unless `compare` accepts the result."""
    got = solution(*args, **kwargs)
    reason = (compare or exact)(got, expected)
    if reason is not None:
        raise Mismatch(
            args, kwargs, expected, got, reason, calls=_described(solution, args, kwargs)
        )
    return got


def check_raises(
    solution: Callable[..., Any], args: tuple[Any, ...], exception: str, **kwargs: Any
) -> None:
    """The candidate must raise `exception` (a type name such as "ValueError") for `args`."""
    _must_raise(_described(solution, args, kwargs), solution, args, kwargs, exception)


def _described(solution: Callable[..., Any], args: tuple, kwargs: Mapping[str, Any]) -> list[str]:
    """The call as reports show it, when `solution` is the harness's stand-in for the candidate's
    function or method (it knows its name); else nothing, and the report names the kata's."""
    describe = getattr(type(solution), "describe_call", None)
    return [describe(solution, args, dict(kwargs))] if describe else []


def exact(got: Any, expected: Any) -> str | None:
    """Equal value and equal type (so True is not accepted for 1, nor 1.0 for 1)."""
    if type(got) is not type(expected) or got != expected:
        return "wrong answer"
    return None


def same_items(got: Any, expected: Iterable[Any]) -> str | None:
    """A list holding each expected value exactly once, in any order."""
    if not isinstance(got, list | tuple):
        return f"expected a list, got {type(got).__name__}"
    counts = Counter(got)
    repeated = sorted((value for value, n in counts.items() if n > 1), key=repr)
    if repeated:
        return f"values repeated: {repeated!r}"
    wanted = set(expected)
    missing = sorted(wanted - counts.keys(), key=repr)
    extra = sorted(counts.keys() - wanted, key=repr)
    if missing or extra:
        parts = [
            f"missing {missing!r}" if missing else "",
            f"unexpected {extra!r}" if extra else "",
        ]
        return "; ".join(part for part in parts if part)
    return None


def same_lists_any_order(got: Any, expected: Iterable[list[Any]]) -> str | None:
    """Lists of lists where each inner list is exact and the outer order is free."""
    if not isinstance(got, list) or not all(isinstance(item, list) for item in got):
        return "expected a list of lists"
    # Compare as multisets of tuples: order-free, but duplicates still count.
    if Counter(map(tuple, got)) != Counter(map(tuple, expected)):
        return "different lists"
    return None


def close(rel: float = 1e-9, abs: float = 1e-9) -> Comparison:
    """A real number within `rel` or `abs` of the expected one; NaN is never close."""

    def compare(got: Any, expected: Any) -> str | None:
        if isinstance(got, bool) or not isinstance(got, int | float | Fraction):
            return f"expected a number, got {type(got).__name__}"
        if not math.isclose(float(got), float(expected), rel_tol=rel, abs_tol=abs):
            return f"not within rel {rel:g} or abs {abs:g}"
        return None

    return compare


def exact_fraction(got: Any, expected: Fraction) -> str | None:
    """An exact `Fraction` (an int is accepted for whole numbers): floats lose the point."""
    if isinstance(got, bool) or not isinstance(got, Fraction | int):
        return f"expected a Fraction, got {type(got).__name__}"
    return None if Fraction(got) == expected else "wrong probability"


def probability(abs: float = 1e-9) -> Comparison:
    """A float (or exact Fraction) within `abs` of the expected probability."""
    return close(rel=0.0, abs=abs)


_short = reprlib.Repr()
_short.maxstring = _short.maxother = 200
_short.maxlist = _short.maxtuple = _short.maxset = _short.maxfrozenset = _short.maxdict = 40
_short.maxlevel = 8
_short.maxlong = 400


def short_repr(value: Any) -> str:
    """A repr bounded in length and depth, for reports."""
    return _short.repr(value)


def format_call(name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> str:
    """`name(arg, ..., key=value)`, shortened, as reports show a call."""
    parts = [*map(short_repr, args), *(f"{k}={short_repr(v)}" for k, v in kwargs.items())]
    return f"{name}({', '.join(parts)})"


def format_calls(calls: Sequence[str], *, head: int = 10, tail: int = 30) -> str:
    """A sequence of calls, one a line; a long one keeps its start and its end."""
    if len(calls) <= head + tail + 1:
        return "\n".join(calls)
    skipped = f"# ... {len(calls) - head - tail} more calls ..."
    return "\n".join([*calls[:head], skipped, *calls[-tail:]])


def variable_name(class_name: str) -> str:
    """The name reports give an object of a class: LRUCache -> lru_cache."""
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", class_name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()


Arguments = tuple[Any, ...] | dict[str, Any]
"""What a strategy of `check_stateful` draws for one call: positional or keyword arguments."""

MethodArguments = st.SearchStrategy[Arguments] | Callable[[Any], st.SearchStrategy[Arguments]]
"""A method's arguments: a strategy, or a function of the reference object giving one (for
arguments that depend on the state, e.g. a time that never goes back)."""


def check_stateful(
    solution: Callable[..., Any],
    reference: type,
    *,
    init: st.SearchStrategy[Arguments],
    methods: Mapping[str, MethodArguments],
    compare: Comparison | Mapping[str, Comparison] | None = None,
    steps: int = 12,
) -> None:
    """Drive the candidate's class and `reference` through the same calls; raise on a difference.

    Hypothesis builds each run: the constructor with arguments from `init`, then up to `steps`
    calls of the methods, each with arguments from its entry in `methods`. Every method's
    result is compared with the reference's by `compare` (one comparison, or one per method
    name; default `exact`); where the reference raises, the candidate must raise an exception
    of the same type. A difference raises `Mismatch` (and a raise in the candidate's code
    `CandidateRaised`) carrying the shrunk sequence of calls, e.g.
    `lru_cache = LRUCache(1)`, `lru_cache.put(0, 0)`, `lru_cache.put(1, 0)`, `lru_cache.get(0)`.
    """

    def construct(self: Any, call: Arguments) -> None:
        self.twins = _Twins(solution, reference, call)

    # One rule that picks the method: with a rule per method, Hypothesis's swarm testing
    # switches whole methods off for many runs (only gets, only puts), which finds far less
    # with the few examples a grading can afford.
    def call_a_method(self: Any, data: st.DataObject) -> None:
        name = data.draw(names)
        how = methods[name]
        strategy = how if isinstance(how, st.SearchStrategy) else how(self.twins.expected)
        self.twins.step(name, data.draw(strategy))

    # Hypothesis tears down every run, also one it ends early (its data ran out): what ran
    # is compared either way, as it would have been call by call.
    def teardown(self: Any) -> None:
        if hasattr(self, "twins"):
            self.twins.check(compare)

    names = st.sampled_from(list(methods))
    machine = type(
        f"{reference.__name__}Machine",
        (RuleBasedStateMachine,),
        {
            "construct": initialize(call=init)(construct),
            "call_a_method": rule(data=st.data())(call_a_method),
            "teardown": teardown,
            # Hypothesis seeds a derandomized run from a digest of the machine's source; a
            # class made here has none, and inspect finds that out by parsing this whole
            # file (4 ms a grading). Named in no loaded module, it fails at once, and the
            # digest (from the name and signature) is the same.
            "__module__": f"{__name__}.machines",
        },
    )
    options = settings(
        stateful_step_count=steps,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        # Explaining replays the shrunk run many times over, tracing this kit, not the class.
        phases=[phase for phase in settings().phases if phase is not Phase.explain],
    )
    run_state_machine_as_test(machine, settings=options)


def check_calls(
    solution: Callable[..., Any],
    reference: type,
    init: Arguments,
    calls: Iterable[tuple[str, Arguments]],
    compare: Comparison | Mapping[str, Comparison] | None = None,
) -> None:
    """One fixed sequence of calls, as `check_stateful` makes them: `(method, arguments)` pairs."""
    twins = _Twins(solution, reference, init)
    for name, call in calls:
        twins.step(name, call)
    twins.check(compare)


@dataclass(frozen=True)
class Returned:
    """A call of the candidate's that returned `value` (in a sequence of outcomes)."""

    value: Any


Outcome = Returned | CandidateRaised
"""What one call of a sequence did: returned a value, or raised in the candidate's code."""


class _Twins:
    """The candidate's object and the reference's, driven by the same calls, and those calls.

    The reference answers each call as it is made (a strategy may draw from its state); the
    candidate's object answers them all at once in `check`, in one round trip to its process
    where `solution` can (the harness's stand-in, see graders/_inside/harness/proxy.py), and
    `check` compares the answers in order, as if each had been compared as it came.
    """

    def __init__(self, solution: Callable[..., Any], reference: type, call: Arguments) -> None:
        args, kwargs = _split(call)
        # The name the candidate's class has (the reference may be a test's subclass).
        class_name = getattr(solution, "name", None) or reference.__name__
        self.solution = solution
        self.init = (args, kwargs)
        self.variable = variable_name(class_name)
        self.calls = [f"{self.variable} = {format_call(class_name, args, kwargs)}"]
        self.expected = reference(*args, **kwargs)
        # Each call made: method, args, kwargs, and the reference's answer (a snapshot: a
        # later call may change what it returned) or the name of the exception it raised.
        self.steps: list[tuple[str, tuple[Any, ...], dict[str, Any], Any, str | None]] = []

    def step(self, name: str, call: Arguments) -> None:
        """Call `name` on the reference now, and on the candidate's object in `check`."""
        args, kwargs = _split(call)
        self.calls.append(format_call(f"{self.variable}.{name}", args, kwargs))
        try:
            expected = _snapshot(getattr(self.expected, name)(*args, **kwargs))
        except Exception as exc:
            self.steps.append((name, args, kwargs, None, type(exc).__name__))
        else:
            self.steps.append((name, args, kwargs, expected, None))

    def check(self, compare: Comparison | Mapping[str, Comparison] | None) -> None:
        """The candidate's answers to every call so far, compared in order: raise Mismatch
        or CandidateRaised at the first that differs, with the calls up to it."""
        calls = [(name, args, kwargs) for name, args, kwargs, _, _ in self.steps]
        outcomes = _outcomes(self.solution, self.init, calls)
        made = outcomes[0]
        if isinstance(made, CandidateRaised):
            made.call = format_calls(self.calls[:1])
            raise made
        for index, (name, args, kwargs, expected, exception) in enumerate(self.steps):
            outcome, so_far = outcomes[index + 1], self.calls[: index + 2]
            if exception is not None:
                _must_have_raised(so_far, outcome, args, kwargs, exception)
                continue
            if isinstance(outcome, CandidateRaised):
                outcome.call = format_calls(so_far)
                raise outcome
            comparison = compare.get(name) if isinstance(compare, Mapping) else compare
            reason = (comparison or exact)(outcome.value, expected)
            if reason is not None:
                raise Mismatch(args, kwargs, expected, outcome.value, reason, calls=so_far)


def _outcomes(
    solution: Callable[..., Any],
    init: tuple[tuple[Any, ...], dict[str, Any]],
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]],
) -> list[Outcome]:
    """The candidate's object made with `init`, then answering `calls`: in one round trip
    where `solution` offers it, else call by call (a class in this process, as in tests)."""
    sequence = getattr(solution, "sequence", None)
    if sequence is not None:
        return list(sequence(init, calls))
    try:
        made = solution(*init[0], **init[1])
    except CandidateRaised as raised:
        return [raised]
    outcomes: list[Outcome] = [Returned(None)]
    for name, args, kwargs in calls:
        try:
            outcomes.append(Returned(_snapshot(getattr(made, name)(*args, **kwargs))))
        except CandidateRaised as raised:
            outcomes.append(raised)
    return outcomes


def _snapshot(value: Any) -> Any:
    """`value` as it is now: a copy of anything a later call could change."""
    return value if type(value) in _IMMUTABLE else copy.deepcopy(value)


_IMMUTABLE = frozenset({int, float, str, bool, bytes, complex, Fraction, type(None)})


def _split(call: Arguments) -> tuple[tuple[Any, ...], dict[str, Any]]:
    return ((), dict(call)) if isinstance(call, dict) else (tuple(call), {})


def _must_raise(
    calls: Sequence[str], function: Callable[..., Any], args: tuple, kwargs: dict, exception: str
) -> None:
    try:
        outcome: Outcome = Returned(function(*args, **kwargs))
    except CandidateRaised as raised:
        outcome = raised
    _must_have_raised(calls, outcome, args, kwargs, exception)


def _must_have_raised(
    calls: Sequence[str], outcome: Outcome, args: tuple, kwargs: dict, exception: str
) -> None:
    expected = f"raises {exception}"
    if isinstance(outcome, Returned):
        raise Mismatch(
            args, kwargs, expected, outcome.value, f"expected {exception} to be raised", calls=calls
        )
    if outcome.type_name != exception:
        raise Mismatch(args, kwargs, expected, f"raised {outcome}", "wrong exception", calls=calls)


_KIND_NAMES = {"f": "floats", "iu": "integers", "iuf": "integers or floats"}


def ndarray(kind: str = "f", *, rel: float = 0.0, abs: float = 0.0, name: str = "") -> Comparison:
    """A numpy array whose dtype kind is in `kind` ("f", "iu", "iuf"), of the expected shape,
    with no NaN where none is expected, and every value within `abs` + `rel` * |expected|
    (numpy's `isclose`; both 0, the default: exactly equal). `name` starts each reason
    (say "centroids" when the array is one part of a tuple)."""
    wanted = _KIND_NAMES.get(kind, f"dtype kind {kind!r}")

    def compare(got: Any, expected: Any) -> str | None:
        import numpy as np  # only numpy katas pay for importing it

        reason = None
        if not isinstance(got, np.ndarray) or got.dtype.kind not in kind:
            reason = f"expected a numpy array of {wanted}"
        elif got.shape != expected.shape:
            reason = f"shape {got.shape}, expected {expected.shape}"
        elif got.dtype.kind == "f" and np.isnan(got).any() and not np.isnan(expected).any():
            reason = "nan in the answer"
        elif not (
            np.all(np.isclose(got, expected, rtol=rel, atol=abs, equal_nan=True))
            if rel or abs
            else np.array_equal(got, expected, equal_nan=got.dtype.kind == "f")
        ):
            reason = "values differ"
        return f"{name}: {reason}" if name and reason else reason

    return compare
