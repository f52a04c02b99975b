"""The `solution` that kata tests call: a stand-in asking the candidate's process over a socket."""

from __future__ import annotations

import os
import reprlib
from typing import Any, NoReturn

from graders.codec import ProtocolError, read_frame, write_frame
from graders.kit import CandidateRaised
from graders.messages import Event, Link, pack, send, unpack

__all__ = ["Solution", "short_repr"]

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 200
_short.maxlist = _short.maxtuple = _short.maxset = _short.maxfrozenset = _short.maxdict = 40
_short.maxlevel = 8
_short.maxlong = 400


def short_repr(value: Any) -> str:
    """A repr bounded in length and depth, for reports."""
    return _short.repr(value)


class Solution:
    """Calls the candidate's function in its own process; only plain data goes either way."""

    def __init__(self, *, link_fd: int, ctrl_fd: int, function: str) -> None:
        self.link_fd = link_fd
        self.ctrl_fd = ctrl_fd
        self.function = function
        self.seq = 0
        self.test = ""

    def __repr__(self) -> str:
        return f"<the candidate's {self.function}()>"

    def describe_call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        """`name(arg, ..., key=value)`, shortened, as shown in reports."""
        parts = [*map(short_repr, args), *(f"{k}={short_repr(v)}" for k, v in kwargs.items())]
        return f"{self.function}({', '.join(parts)})"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.seq += 1
        message = pack(Link.CALL, self.seq, args, kwargs)
        try:
            write_frame(self.link_fd, message)
            frame = read_frame(self.link_fd)
            if frame is None:
                self._abandon(Event.GONE, args, kwargs, "")
            kind, (seq, body) = unpack(frame, Link)
        except ProtocolError as exc:
            self._abandon(Event.PROTOCOL_ERROR, args, kwargs, str(exc))
        except OSError:
            self._abandon(Event.GONE, args, kwargs, "")
        except (TypeError, ValueError):
            self._abandon(Event.PROTOCOL_ERROR, args, kwargs, "not a reply")
        if seq != self.seq:
            self._abandon(Event.PROTOCOL_ERROR, args, kwargs, "a reply to another call")
        if kind is Link.RETURN:
            return body
        if kind is Link.RAISE and isinstance(body, dict):
            line = body.get("line")
            raise CandidateRaised(
                _text(body.get("type")) or "Exception",
                _text(body.get("message")),
                _text(body.get("traceback")),
                line=line if type(line) is int else None,
                call=self.describe_call(args, kwargs),
            )
        self._abandon(Event.PROTOCOL_ERROR, args, kwargs, "an unknown reply")

    def _abandon(
        self, kind: Event, args: tuple[Any, ...], kwargs: dict[str, Any], detail: str
    ) -> NoReturn:
        """The candidate's process is gone or misbehaving: tell the keeper, and stop here."""
        call = self.describe_call(args, kwargs)
        send(self.ctrl_fd, kind, {"test": self.test, "input": call, "detail": detail})
        os._exit(0)


def _text(value: Any) -> str:
    return value[:4000] if isinstance(value, str) else ""
