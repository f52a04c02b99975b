"""The `solution` that kata tests call: stand-ins asking the candidate's process over a socket.

`Solution` is the kata's named function or class; `solution.named(name)` any other public
top-level callable of the submission. Calling a class gives an `Instance`: a handle to the
object the candidate's process keeps, whose public methods are called the same way. Only
plain data crosses, so nothing the candidate returns can run code here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import Any, NoReturn

from graders.codec import ProtocolError, read_frame, write_frame
from graders.kit import Arguments, CandidateRaised, Outcome, Returned, format_call, variable_name
from graders.messages import Event, Link, pack, send, unpack

__all__ = ["Call", "Instance", "Method", "Named", "ProxyMisuse", "Solution"]

# A call as reports show it, e.g. "intersection([1], [2])", or what makes that text.
Call = str | Callable[[], str]


class ProxyMisuse(BaseException):
    """A test used a stand-in as something other than a call: read it as a value (truth,
    comparison) or passed it what cannot cross. It says nothing of the candidate, so it is
    a BaseException: no `assertRaises(...)` or `except Exception` in a test can take it for
    what the candidate raised, and the test fails."""


class CallOnly:
    """A stand-in for something to call: reading it as a value is refused (ProxyMisuse).

    `obj.balance` in a test is a stand-in for a method whatever the candidate's object holds,
    and would be true and unequal to everything: `assertTrue(obj.is_open)` would pass for
    any candidate.
    """

    def _misused(self, *_: Any) -> NoReturn:
        raise ProxyMisuse(f"{self!r} can only be called: tests may not read it as a value")

    __bool__ = __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _misused
    __hash__ = object.__hash__


def _public(name: str, what: str) -> str:
    if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
        raise AttributeError(f"only public names can be called, not the {what} {name!r}")
    return name


class Named:
    """A top-level function or class of the submission; calling a class gives an `Instance`."""

    def __init__(self, solution: Solution, name: str) -> None:
        self._solution = solution
        self.name = name

    def __repr__(self) -> str:
        return f"<the candidate's {self.name}>"

    def describe_call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        """`name(arg, ..., key=value)`, shortened, as shown in reports."""
        return format_call(self.name, args, kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        call = partial(self.describe_call, args, kwargs)
        return self._solution.request(self.name, None, args, kwargs, call, class_name=self.name)

    def sequence(
        self, init: Arguments, calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]
    ) -> list[Outcome]:
        """Make an object of this class with `init` and call its methods in order, all in one
        round trip (Link.SEQUENCE); the outcome of the construction, then of every call.

        A construction that raised answers for itself alone. How reports show the calls is
        the caller's: it compares the outcomes with the reference's in order.
        """
        for method, _args, _kwargs in calls:
            _public(method, "method")
        call = partial(self.describe_call, *init)
        body = self._solution.exchange(
            Link.SEQUENCE,
            (self.name, list(init), [list(step) for step in calls]),
            call,
            answers=(Link.OUTCOMES,),
        )[1]
        if type(body) is not list or len(body) not in (1, len(calls) + 1):
            self._solution.abandon(Event.PROTOCOL_ERROR, call, "outcomes of another sequence")
        outcomes = [self._outcome(item, call) for item in body]
        if len(outcomes) == 1 and calls and not isinstance(outcomes[0], CandidateRaised):
            self._solution.abandon(Event.PROTOCOL_ERROR, call, "outcomes missing")
        return outcomes

    def _outcome(self, item: Any, call: Call) -> Outcome:
        if type(item) is list and len(item) == 2 and type(item[0]) is str:
            kind, body = item
            if kind == "return":
                return Returned(body)
            if kind == "raise" and (raised := _raised(body, "")) is not None:
                return raised
        self._solution.abandon(Event.PROTOCOL_ERROR, call, "a malformed outcome")


class Instance:
    """An object the candidate's class made; it stays in the candidate's process."""

    def __init__(self, solution: Solution, handle: int, class_name: str) -> None:
        self._solution = solution
        self._handle = handle
        self._class_name = class_name
        self._label = variable_name(class_name)

    def __repr__(self) -> str:
        return f"<the candidate's {self._class_name} object>"

    def __del__(self) -> None:
        # Only a list append: this may run at any moment the collector chooses.
        self._solution.released.append(self._handle)

    def __getattr__(self, name: str) -> Method:
        if name.startswith("_"):
            raise AttributeError(name)
        return Method(self, name)

    def call(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], call: Call) -> Any:
        """The method's result; `call` is how reports show this call (see `Solution.request`)."""
        return self._solution.request(self._handle, method, args, kwargs, call)


class Method(CallOnly):
    """A public method of an `Instance`; calling it sends the call by the object's handle.

    One never called is reported by `Solution.refuse_uncalled`: `assertIsNotNone(obj.size)`
    reads it as a value in a way no dunder can refuse, and would pass for any candidate.
    """

    def __init__(self, instance: Instance, name: str) -> None:
        self.instance = instance
        self.name = _public(name, "method")
        instance._solution.uncalled[id(self)] = self

    def __repr__(self) -> str:
        return f"<the candidate's method {self.name}>"

    def describe_call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        return format_call(f"{self.instance._label}.{self.name}", args, kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.instance._solution.uncalled.pop(id(self), None)
        return self.instance.call(
            self.name, args, kwargs, partial(self.describe_call, args, kwargs)
        )


class Solution(Named):
    """The kata's function or class, and the link to the candidate's process all calls share."""

    def __init__(self, *, link_fd: int, ctrl_fd: int, function: str) -> None:
        super().__init__(self, function)
        self.link_fd = link_fd
        self.ctrl_fd = ctrl_fd
        self.function = function
        self.seq = 0
        self.test = ""
        # The method stand-ins the running test made and has not called (id -> stand-in).
        self.uncalled: dict[int, Method] = {}
        # Handles of objects no stand-in holds any more; the next call tells the candidate.
        self.released: list[int] = []

    def refuse_uncalled(self) -> None:
        """Raise ProxyMisuse if the test read a method of the candidate's object without
        calling it: whatever it checked of that stand-in, it checked nothing of the object."""
        if self.uncalled:
            method = next(iter(self.uncalled.values()))
            self.uncalled.clear()
            raise ProxyMisuse(
                f"{method!r} was read but not called: tests may only call the candidate's "
                "methods, not read its attributes"
            )

    def named(self, name: str) -> Named:
        """Another public top-level function or class of the submission."""
        return Named(self, _public(name, "function or class"))

    def request(
        self,
        target: str | int,
        method: str | None,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        call: Call,
        *,
        class_name: str = "",
    ) -> Any:
        """Send one Link.CALL and return its answer: plain data, or an `Instance` of a class.

        A raise in the candidate's code raises CandidateRaised; a process that is gone or
        misbehaving ends this harness (the judge reports it). `call` is how reports show
        the call, or what says it when one does: formatting every call (a numpy array's repr)
        cost a numpy kata a quarter of its harness's time.
        """
        released, self.released = self.released, []
        fields = (target, method, args, kwargs, released)
        answers = (Link.RETURN, Link.INSTANCE, Link.RAISE)
        kind, body = self.exchange(Link.CALL, fields, call, answers=answers)
        if kind is Link.RETURN:
            return body
        if kind is Link.INSTANCE and method is None and type(body) is int:
            return Instance(self, body, class_name)
        if kind is Link.RAISE and (raised := _raised(body, _said(call))) is not None:
            raise raised
        self.abandon(Event.PROTOCOL_ERROR, call, "an unknown reply")

    def exchange(
        self, kind: Link, fields: tuple[Any, ...], call: Call, *, answers: tuple[Link, ...]
    ) -> tuple[Link, Any]:
        """Send one message of `kind` (the next seq, then `fields`) and return the reply's
        kind, one of `answers`, and body. Fields that cannot cross are the test's misuse; a
        process that is gone or misbehaving ends this harness (the judge reports it)."""
        self.seq += 1
        try:
            message = pack(kind, self.seq, *fields)
        except (TypeError, ValueError) as exc:
            raise ProxyMisuse(
                f"{_said(call)}: only plain data can be passed to the candidate"
            ) from exc
        try:
            write_frame(self.link_fd, message)
            frame = read_frame(self.link_fd)
            if frame is None:
                self.abandon(Event.GONE, call, "")
            reply, (seq, body) = unpack(frame, Link)
        except ProtocolError as exc:
            self.abandon(Event.PROTOCOL_ERROR, call, str(exc))
        except OSError:
            self.abandon(Event.GONE, call, "")
        except (TypeError, ValueError):
            self.abandon(Event.PROTOCOL_ERROR, call, "not a reply")
        if seq != self.seq:
            self.abandon(Event.PROTOCOL_ERROR, call, "a reply to another call")
        if reply not in answers:
            self.abandon(Event.PROTOCOL_ERROR, call, "an unknown reply")
        return reply, body

    def abandon(self, kind: Event, call: Call, detail: str) -> NoReturn:
        """The candidate's process is gone or misbehaving: tell the keeper, and stop here."""
        send(self.ctrl_fd, kind, {"test": self.test, "input": _said(call), "detail": detail})
        os._exit(0)


def _raised(body: Any, call: str) -> CandidateRaised | None:
    """What the candidate's process said its code raised (a RAISE's body), or None if the
    body is not such a description."""
    if not isinstance(body, dict):
        return None
    line = body.get("line")
    return CandidateRaised(
        _text(body.get("type")) or "Exception",
        _text(body.get("message")),
        _text(body.get("traceback")),
        line=line if type(line) is int else None,
        call=call,
    )


def _said(call: Call) -> str:
    return call if isinstance(call, str) else call()


def _text(value: Any) -> str:
    return value[:4000] if isinstance(value, str) else ""
