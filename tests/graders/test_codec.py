"""The codec: plain data round-trips exactly; anything else is refused on either side."""

from __future__ import annotations

import math
import os
import socket
import struct
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graders.codec import MAX_FRAME, ProtocolError, decode, encode, read_frame, write_frame

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text()
    | st.binary()
    | st.fractions()
    | st.complex_numbers(allow_nan=False)
)
keys = scalars | st.tuples(scalars, scalars) | st.frozensets(scalars, max_size=3)
plain = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(keys, inner, max_size=3)
        | st.sets(keys, max_size=3)
        | st.frozensets(keys, max_size=3)
    ),
    max_leaves=20,
)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same type all the way down (so 1 is not True, (1,) is not [1])."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


@given(plain)
def test_plain_data_round_trips_with_its_types(value: Any) -> None:
    assert _same(decode(encode(value)), value)


@pytest.mark.parametrize(
    "value",
    [
        [[1, 2], [3, 4.5], ["a", None, True], []],
        [(1, 2), (3,), (), ("a", None)],
        [[1, 2], (3, 4)],
        [(1, [2]), (3, 4)],
        [[1, (2, 3)], [4]],
        [(1, Fraction(1, 2))],
        [[1, Fraction(1, 2)]],
        [[[1]], [[2]]],
        [(2**80, -(2**80))],
    ],
)
def test_lists_of_flat_lists_and_tuples_keep_their_types(value: Any) -> None:
    """The encoder's one-step paths (a list of flat lists; of flat tuples, tag "T") and the
    mixtures that must not take them."""
    assert _same(decode(encode(value)), value)


def test_a_list_of_tuples_crosses_as_one_tagged_value() -> None:
    assert encode([(1, 2), (3,)]) == b'{"$":"T","v":[[1,2],[3]]}'


def test_special_values_round_trip() -> None:
    values = [-0.0, math.inf, -math.inf, "lone \udc80 surrogate", 10**4000, b"\x00\xff"]
    decoded = decode(encode(values))
    assert math.copysign(1, decoded[0]) == -1 and decoded[1:] == values[1:]
    assert math.isnan(decode(encode(math.nan)))


def test_numpy_arrays_cross_as_fresh_arrays() -> None:
    array = np.arange(12, dtype=np.int32).reshape(3, 4)
    back = decode(encode(array))
    assert back.dtype == np.int32 and back.shape == (3, 4) and (back == array).all()
    assert back.flags.writeable and not np.shares_memory(back, array)
    assert _same(decode(encode([np.int64(5), np.float32(1.5), np.bool_(True)])), [5, 1.5, True])


def test_arrays_of_every_layout_cross_raw_and_in_order() -> None:
    big = np.arange(6, dtype=">i4").reshape(2, 3)
    values = {
        "fortran": np.asfortranarray(np.arange(6.0).reshape(2, 3)),
        "strided": np.arange(20)[::3],
        "transposed": big.T,
        "empty": np.zeros((0, 4), dtype=np.uint8),
        "scalar": np.array(2.5),
        "complex": np.array([1 + 2j], dtype=np.complex64),
    }
    data = encode([values, (big, [np.array([True, False])])])
    assert data.startswith(b"\0") and b"AAAA" not in data
    back, (big_back, [flags]) = decode(data)
    for name, array in values.items():
        assert back[name].dtype == array.dtype and back[name].shape == array.shape, name
        assert (back[name] == array).all() and back[name].flags.writeable, name
    assert big_back.dtype.str == ">i4" and (big_back == big).all()
    assert flags.tolist() == [True, False]


def _with_arrays(json_text: bytes, tail: bytes, *, length: int | None = None) -> bytes:
    size = len(json_text) if length is None else length
    return b"\0" + struct.pack(">I", size) + json_text + tail


@pytest.mark.parametrize(
    "data",
    [
        b"\0",
        _with_arrays(b"[1]", b"", length=50),
        _with_arrays(b'{"$": "a", "v": ["<i4", [2], 0]}', b"\0" * 4),
        _with_arrays(b'{"$": "a", "v": ["<i4", [1], 0]}', b"\0" * 8),
        _with_arrays(b'{"$": "a", "v": ["<i4", [1], 4]}', b"\0" * 8),
        _with_arrays(
            b'[{"$": "a", "v": ["<i4", [1], 4]}, {"$": "a", "v": ["<i4", [1], 0]}]', b"\0" * 8
        ),
        _with_arrays(b'{"$": "a", "v": ["O", [1], 0]}', b"\0" * 8),
        _with_arrays(b'{"$": "a", "v": ["<i4", [-1], 0]}', b""),
        _with_arrays(b'{"$": "a", "v": ["<i4", [1], true]}', b"\0" * 4),
        _with_arrays(b'{"$": "a", "v": ["<i4", [1]]}', b"\0" * 4),
    ],
    ids=[
        "no header",
        "JSON longer than the data",
        "shorter than its shape",
        "bytes no array takes",
        "a gap",
        "out of order",
        "object dtype",
        "negative extent",
        "offset not an int",
        "no offset",
    ],
)
def test_malformed_arrays_are_protocol_errors(data: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode(data)


class _Equal:
    def __eq__(self, other: object) -> bool:
        return True


@pytest.mark.parametrize(
    "value",
    [_Equal(), [1, _Equal()], np.array([_Equal()], dtype=object), 10**5000, [[]] * 0 + [range(3)]],
    ids=["object", "nested object", "object array", "huge int", "range"],
)
def test_anything_else_is_not_plain_data(value: Any) -> None:
    with pytest.raises(TypeError):
        encode(value)


def test_nesting_is_bounded_when_encoding() -> None:
    deep: list[Any] = []
    for _ in range(200):
        deep = [deep, 1]
    with pytest.raises(TypeError, match="nested"):
        encode(deep)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"[1",
        b'{"a": 1}',
        b'{"$": "t", "v": [1], "x": 2}',
        b'{"$": "T", "v": [1]}',
        b'{"$": "T", "v": [[1], {"$": "t", "v": [2]}]}',
        b'{"$": "T", "v": 1}',
        b'{"$": "S", "v": [[1]]}',
        b'{"$": "d", "v": [[[1], 2]]}',
        b'{"$": "d", "v": [[1, 2, 3]]}',
        b'{"$": "q", "v": [1, 0]}',
        b'{"$": "q", "v": [1.5, 2]}',
        b'{"$": "a", "v": ["O", [1], "AAAAAAAAAAA="]}',
        b'{"$": "a", "v": ["<i8", [2], "AAAAAAAAAAA="]}',
        b'{"$": "b", "v": "not base64!"}',
        b'{"$": "?", "v": 1}',
        b"9" * 5000,
        b"[" * 100_000 + b"]" * 100_000,
        b"[1] [2]",
    ],
)
def test_malformed_messages_are_protocol_errors(data: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode(data)


def test_frames_carry_messages_and_bound_their_size() -> None:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        write_frame(ours.fileno(), b"hello")
        write_frame(ours.fileno(), b"")
        assert read_frame(theirs.fileno()) == b"hello"
        assert read_frame(theirs.fileno()) == b""
        os.write(ours.fileno(), struct.pack(">I", MAX_FRAME + 1))
        with pytest.raises(ProtocolError, match="exceeds"):
            read_frame(theirs.fileno())
        with pytest.raises(ValueError, match="exceeds"):
            write_frame(ours.fileno(), b"x" * (MAX_FRAME + 1))


def test_a_stream_cut_inside_a_frame_is_a_protocol_error() -> None:
    ours, theirs = socket.socketpair()
    with theirs:
        os.write(ours.fileno(), struct.pack(">I", 10) + b"abc")
        ours.close()
        with pytest.raises(ProtocolError, match="ends inside"):
            read_frame(theirs.fileno())


def test_a_clean_end_of_stream_is_none() -> None:
    ours, theirs = socket.socketpair()
    ours.close()
    with theirs:
        assert read_frame(theirs.fileno()) is None


def test_fractions_stay_exact() -> None:
    assert decode(encode(Fraction(11, 216))) == Fraction(11, 216)
