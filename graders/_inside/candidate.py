"""Runs in the candidate's sandbox: load the submission, then answer calls with plain data.

Everything here runs after the worker dropped its privileges, and the submission can
rewrite any of it; that is fine, because the harness trusts nothing it receives beyond
"these bytes decode to plain data".
"""

from __future__ import annotations

import linecache
import os
import sys
import traceback
import types
from typing import Any

from graders._inside.job import apply_job_limits, stay_on
from graders.codec import MAX_FRAME, ProtocolError, decode, read_frame, write_frame
from graders.messages import Link, pack, send, unpack

FILENAME = "solution.py"
_TEXT_LIMIT = 4000


def serve(payload: bytes, *, ctrl_fd: int, link_fd: int) -> None:
    """Load the submission; then answer Link.CALL messages until the harness hangs up."""
    job = decode(payload)
    os.close(ctrl_fd)
    apply_job_limits(cpu_seconds=job["cpu_seconds"], memory_mb=job["memory_mb"])
    stay_on(job["cpu"])
    _seed_global_randoms()
    module, problem = load(job["source"], job["function"], job.get("kind", "function"))
    sys.stdout.flush()
    if problem is not None:
        send(link_fd, Link.LOAD_ERROR, problem)
        return
    send(link_fd, Link.READY)
    answer(module, link_fd)


def warm_up() -> None:
    """What every worker would do first, done once in the zygote: numpy's first seeding
    imports what its RNG needs (~12 ms), which no worker should pay again."""
    _seed_global_randoms()


def _seed_global_randoms() -> None:
    """The same code gets the same answers from the global RNGs, grading after grading: a
    forked process reseeds Python's from the OS, and numpy's is whatever its zygote's was, so
    a verdict on code that draws from them (ignoring a kata's seed) would change by chance."""
    import random

    import numpy

    random.seed(0)
    numpy.random.seed(0)


def answer(module: types.ModuleType, link_fd: int) -> None:
    """Answer Link.CALL messages with `module`'s callables until the harness hangs up."""
    objects = Objects(module)
    while (frame := _next_call(link_fd)) is not None:
        kind, fields = unpack(frame, Link)
        if kind is Link.SEQUENCE:
            reply = _run_sequence(objects, *fields)
        else:
            reply = _run_call(objects, *fields)
        sys.stdout.flush()
        try:
            write_frame(link_fd, reply)
        except OSError:
            return


def _run_call(
    objects: Objects, seq: int, target: Any, method: Any, args: Any, kwargs: Any, released: Any
) -> bytes:
    """One Link.CALL's reply: RETURN, INSTANCE (a class was called) or RAISE."""
    objects.release(released)
    try:
        function, name = objects.resolve(target, method)
        value = function(*args, **kwargs)
    except BaseException as exc:
        return pack(Link.RAISE, seq, describe(exc))
    if isinstance(function, type):
        return pack(Link.INSTANCE, seq, objects.keep(value))
    return _encode_return(seq, value, name)


def _run_sequence(objects: Objects, seq: int, class_name: Any, init: Any, calls: Any) -> bytes:
    """One Link.SEQUENCE's reply: OUTCOMES of the construction, then of every call in order."""
    try:
        cls, _name = objects.resolve(class_name, None)
        if not isinstance(cls, type):
            raise TypeError(f"{class_name} is not a class")
        args, kwargs = init
        handle = objects.keep(cls(*args, **kwargs))
    except BaseException as exc:
        return pack(Link.OUTCOMES, seq, [["raise", describe(exc)]])
    outcomes: list[list[Any]] = [["return", None]]
    names = [str(class_name)]
    for method, args, kwargs in calls:
        try:
            bound, _name = objects.resolve(handle, method)
            outcomes.append(["return", bound(*args, **kwargs)])
        except BaseException as exc:
            outcomes.append(["raise", describe(exc)])
        names.append(f"{class_name}.{method}")
    objects.release([handle])
    return _encode_outcomes(seq, outcomes, names)


def _encode_outcomes(seq: int, outcomes: list[list[Any]], names: list[str]) -> bytes:
    """OUTCOMES as bytes; a value that cannot cross, or would overflow the frame, becomes the
    raise a single call's would (see `_encode_return`)."""
    try:
        reply = pack(Link.OUTCOMES, seq, outcomes)
    except BaseException:
        reply = b""
    if reply and len(reply) <= MAX_FRAME:
        return reply
    room = MAX_FRAME - 4096
    for outcome, name in zip(outcomes, names, strict=True):
        try:
            size = len(pack(Link.OUTCOMES, seq, [outcome]))
        except BaseException as exc:
            outcome[:] = ["raise", _not_plain(name, str(exc))]
            size = 4096
        if size > room:
            outcome[:] = ["raise", _not_plain(name, f"more than {MAX_FRAME} bytes in all")]
            size = 4096
        room -= size
    return pack(Link.OUTCOMES, seq, outcomes)


class Objects:
    """What a call may name: the submission's public top-level callables, and the objects
    its classes made, by handle. Only public names: nothing reaches a dunder or `_private`."""

    def __init__(self, module: types.ModuleType) -> None:
        self.namespace = module.__dict__
        self.kept: dict[int, Any] = {}
        self.handles = 0

    def keep(self, instance: Any) -> int:
        self.handles += 1
        self.kept[self.handles] = instance
        return self.handles

    def release(self, handles: Any) -> None:
        """Drop the objects whose stand-ins the harness no longer holds."""
        if type(handles) is list:
            for handle in handles:
                if type(handle) is int:
                    self.kept.pop(handle, None)

    def resolve(self, target: Any, method: Any) -> tuple[Any, str]:
        """The callable a Link.CALL names, and its name for messages; raise what to report."""
        if type(target) is str and method is None:
            _public(target, "function or class")
            found = self.namespace.get(target)
            if not callable(found):
                raise NameError(f"your code does not define a function or class named {target!r}")
            return found, target
        if type(target) is not int or type(method) is not str:
            raise TypeError("a call names a function or class, or an object and its method")
        _public(method, "method")
        if target not in self.kept:
            raise LookupError(f"no object has the handle {target}")
        instance = self.kept[target]
        class_name = type(instance).__name__
        try:
            bound = getattr(instance, method)
        except AttributeError:
            raise AttributeError(
                f"your code does not define a method named {method!r} (in class {class_name})"
            ) from None
        if not callable(bound) or isinstance(bound, type):
            raise TypeError(f"{class_name}.{method} is not a method")
        return bound, method


def _public(name: str, what: str) -> None:
    if not name.isidentifier() or name.startswith("_"):
        raise AttributeError(f"only public names can be called, not the {what} {name[:80]!r}")


def _next_call(link_fd: int) -> bytes | None:
    """The harness's next call; None once it hangs up (however abruptly)."""
    try:
        return read_frame(link_fd)
    except (OSError, ProtocolError):
        return None


def _encode_return(seq: int, value: Any, name: str) -> bytes:
    try:
        reply = pack(Link.RETURN, seq, value)
    except BaseException as exc:
        return pack(Link.RAISE, seq, _not_plain(name, str(exc)))
    if len(reply) > MAX_FRAME:
        return pack(Link.RAISE, seq, _not_plain(name, f"more than {MAX_FRAME} bytes"))
    return reply


def load(source: str, name: str, kind: str) -> tuple[Any, dict[str, Any] | None]:
    """The submission as a module named "solution", or None and the error to report."""
    module = types.ModuleType("solution")
    module.__file__ = FILENAME
    sys.modules["solution"] = module
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    try:
        exec(compile(source, FILENAME, "exec", dont_inherit=True), module.__dict__)
    except SyntaxError as exc:
        line = exc.lineno if exc.filename == FILENAME else None
        text = traceback.format_exception_only(type(exc), exc)
        return None, {
            "type": type(exc).__name__,
            "message": str(exc.msg),
            "traceback": "".join(text)[:_TEXT_LIMIT],
            "line": line,
        }
    except BaseException as exc:
        return None, describe(exc)
    found = module.__dict__.get(name)
    if not callable(found) or (kind == "class") != isinstance(found, type):
        return None, {
            "type": "NameError",
            "message": f"your code does not define a {kind} named {name!r}",
            "traceback": "",
            "line": None,
        }
    return module, None


def describe(exc: BaseException) -> dict[str, Any]:
    """The exception as plain data, its traceback trimmed to the submission's own frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    try:
        message = str(exc)
    except BaseException:
        message = "<unprintable>"
    lines = (
        ["Traceback (most recent call last):\n", *traceback.format_list(frames)] if frames else []
    )
    lines.append(f"{type(exc).__name__}: {message}\n" if message else f"{type(exc).__name__}\n")
    return {
        "type": type(exc).__name__,
        "message": message[:_TEXT_LIMIT],
        "traceback": "".join(lines)[-_TEXT_LIMIT:],
        "line": frames[-1].lineno if frames else None,
    }


def _not_plain(name: str, why: str) -> dict[str, Any]:
    return {
        "type": "TypeError",
        "message": (
            f"{name}() returned a value that cannot be sent back ({why}): return plain data"
            " (None, bool, int, float, str, bytes, list, tuple, dict, set, Fraction, numpy arrays)"
        ),
        "traceback": "",
        "line": None,
    }
