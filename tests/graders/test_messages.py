"""The messages that cross the pipes: each conversation reads only its own kinds."""

from __future__ import annotations

import os

import pytest

from graders.codec import ProtocolError, encode
from graders.messages import Event, Link, Order, Status, pack, receive, send, unpack


def test_a_message_comes_back_as_its_kind_and_fields() -> None:
    frame = pack(Link.CALL, 3, "f", None, (1, [2]), {"k": b"v"}, [])
    assert unpack(frame, Link) == (Link.CALL, (3, "f", None, (1, [2]), {"k": b"v"}, []))
    call = pack(Link.CALL, 4, 1, "get", (1,), {}, [2])
    assert unpack(call, Link)[1] == (4, 1, "get", (1,), {}, [2])
    assert unpack(pack(Link.INSTANCE, 5, 2), Link) == (Link.INSTANCE, (5, 2))
    assert unpack(pack(Status.READY), Status) == (Status.READY, ())


def test_a_kind_of_another_conversation_is_refused() -> None:
    """The harness's "load-error" to the judge is not the candidate's to the harness."""
    with pytest.raises(ProtocolError, match="unknown Order"):
        unpack(pack(Link.RETURN, 1, None), Order)
    with pytest.raises(ProtocolError, match="unknown Event"):
        unpack(pack(Link.CALL, 1, "f", None, (), {}, []), Event)


@pytest.mark.parametrize(
    "message",
    [("call", 1, ()), ("call", 1, (), {}), ["call", 1, "f", None, (), {}], (), (7,), "call"],
)
def test_malformed_messages_are_protocol_errors(message: object) -> None:
    with pytest.raises(ProtocolError):
        unpack(encode(message), Link)


def test_the_sender_is_held_to_the_number_of_fields() -> None:
    with pytest.raises(ValueError, match="takes 3 fields"):
        pack(Order.JOB, 1, True)


def test_messages_cross_a_pipe_one_frame_each() -> None:
    read_end, write_end = os.pipe()
    try:
        send(write_end, Event.START, "tests_sample.py::test_x")
        send(write_end, Event.DONE, 0)
        os.close(write_end)
        assert receive(read_end, Event) == (Event.START, ("tests_sample.py::test_x",))
        assert receive(read_end, Event) == (Event.DONE, (0,))
        assert receive(read_end, Event) is None
    finally:
        os.close(read_end)
