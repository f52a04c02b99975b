"""The messages that cross the sandbox's pipes: one kind per thing said, shared by every side.

Four conversations, each with its own kinds, so a message can only be read where it belongs:

    Order   supervisor -> keeper      JOB(output_cap, strict, payload), KILL()
    Status  keeper -> supervisor      READY(), EXIT(ExitInfo)
    Link    candidate <-> harness     READY(), LOAD_ERROR(problem),
                                      CALL(seq, target, method, args, kwargs, released),
                                      RETURN(seq, value), INSTANCE(seq, handle),
                                      RAISE(seq, problem), SEQUENCE(seq, class_name, init, calls),
                                      OUTCOMES(seq, outcomes)
    Event   harness -> supervisor     START(test), RESULT(result), DONE(summary),
                                      LOAD_ERROR(problem), GONE(where), PROTOCOL_ERROR(where),
                                      BROKEN(where)

A message is the tuple (kind, *fields) in a codec frame. `unpack` checks the kind belongs to
the conversation and the number of fields; what the fields hold is checked by whoever reads
them, because the other side may be the candidate's code.

A Link.CALL's target is a top-level name of the submission (str, `method` None) or the handle
(int) of an object the candidate's process keeps, with the public `method` to call on it.
Calling a class answers INSTANCE(seq, handle): the object itself never leaves its process.
`released` lists the handles whose stand-ins the harness dropped since its last call, so the
candidate's process drops those objects too (a correct class is not failed for the memory of
the objects a hundred examples made) without a round trip of its own.

A Link.SEQUENCE is a class kata's whole example in one round trip: make an object of
`class_name` with `init` ([args, kwargs]), then call its public methods in order (`calls`:
[method, args, kwargs] each). OUTCOMES answers ["return", value] or ["raise", problem] for
the construction and then for every call, each run whatever the one before did; only the
construction's raise when it raised. The object is dropped after. Only the calls cross, never
what the reference answered: the harness compares, in order, once the outcomes are back.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypedDict, TypeVar

from graders.codec import ProtocolError, decode, encode, read_frame, write_frame

__all__ = ["Event", "ExitInfo", "Link", "Order", "Status", "pack", "receive", "send", "unpack"]


class Order(StrEnum):
    """What the supervisor tells a worker's keeper."""

    JOB = "job"
    KILL = "kill"


class Status(StrEnum):
    """What a keeper tells the supervisor."""

    READY = "ready"
    EXIT = "exit"


class Link(StrEnum):
    """What the candidate and the harness say to each other."""

    READY = "ready"
    LOAD_ERROR = "load-error"
    CALL = "call"
    RETURN = "return"
    INSTANCE = "instance"
    RAISE = "raise"
    SEQUENCE = "sequence"
    OUTCOMES = "outcomes"


class Event(StrEnum):
    """What the harness reports, through its keeper, for the judge."""

    START = "start"
    RESULT = "result"
    DONE = "done"
    LOAD_ERROR = "load-error"
    GONE = "gone"
    PROTOCOL_ERROR = "protocol-error"
    BROKEN = "broken"


class ExitInfo(TypedDict):
    """How a worker ended, as its keeper saw it: the body of Status.EXIT."""

    status: int
    killed: bool
    cpu: float
    maxrss_kb: int
    output: bytes
    output_bytes: int
    output_exceeded: bool
    reports: list[bytes]


Kind = Order | Status | Link | Event
K = TypeVar("K", Order, Status, Link, Event)

_FIELDS: dict[Kind, int] = {
    Order.JOB: 3,
    Order.KILL: 0,
    Status.READY: 0,
    Status.EXIT: 1,
    Link.READY: 0,
    Link.LOAD_ERROR: 1,
    Link.CALL: 6,
    Link.RETURN: 2,
    Link.INSTANCE: 2,
    Link.RAISE: 2,
    Link.SEQUENCE: 4,
    Link.OUTCOMES: 2,
    **{kind: 1 for kind in Event},
}


def pack(kind: Kind, *fields: Any) -> bytes:
    """One message as bytes; raise TypeError if a field is not plain data."""
    if len(fields) != _FIELDS[kind]:
        raise ValueError(f"{kind!r} takes {_FIELDS[kind]} fields, not {len(fields)}")
    return encode((kind.value, *fields))


def unpack(frame: bytes, kinds: type[K]) -> tuple[K, tuple[Any, ...]]:
    """The kind and fields of one message of `kinds`; ProtocolError for anything else."""
    message = decode(frame)
    if not isinstance(message, tuple) or not message or not isinstance(message[0], str):
        raise ProtocolError("a message that is not (kind, *fields)")
    try:
        kind = kinds(message[0])
    except ValueError:
        raise ProtocolError(f"an unknown {kinds.__name__} message {message[0][:20]!r}") from None
    fields = message[1:]
    if len(fields) != _FIELDS[kind]:
        raise ProtocolError(f"{kind.value!r} with {len(fields)} fields")
    return kind, fields


def send(fd: int, kind: Kind, *fields: Any) -> None:
    """Write one message to `fd`."""
    write_frame(fd, pack(kind, *fields))


def receive(fd: int, kinds: type[K]) -> tuple[K, tuple[Any, ...]] | None:
    """The next message of `kinds` on `fd`; None at a clean end of stream."""
    frame = read_frame(fd)
    return None if frame is None else unpack(frame, kinds)
