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
    function, problem = _load(job["source"], job["function"])
    sys.stdout.flush()
    if problem is not None:
        send(link_fd, Link.LOAD_ERROR, problem)
        return
    send(link_fd, Link.READY)
    while (frame := _next_call(link_fd)) is not None:
        _kind, (seq, args, kwargs) = unpack(frame, Link)
        try:
            value = function(*args, **kwargs)
        except BaseException as exc:
            reply = pack(Link.RAISE, seq, describe(exc))
        else:
            reply = _encode_return(seq, value, job["function"])
        sys.stdout.flush()
        try:
            write_frame(link_fd, reply)
        except OSError:
            return


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


def _load(source: str, name: str) -> tuple[Any, dict[str, Any] | None]:
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
    function = module.__dict__.get(name)
    if not callable(function):
        return None, {
            "type": "NameError",
            "message": f"your code does not define a function named {name!r}",
            "traceback": "",
            "line": None,
        }
    return function, None


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
