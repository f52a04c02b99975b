"""Plain data across sandbox boundaries: tagged JSON in length-prefixed frames.

Only data crosses, never objects with behaviour: None, bool, int, float, complex, str,
bytes, list, tuple, dict, set, frozenset, Fraction and numeric numpy arrays. Lists and
scalars are native JSON; every other kind is an object `{"$": tag, "v": ...}`, so a tuple
stays a tuple and a dict may have any hashable keys. A list of flat tuples (pairs,
intervals) is one object, tag "T", not one per tuple: each costs an encoder and a decoder
call. Decoding is the C JSON parser plus a hook for those objects: it builds fresh
built-in values, so nothing the other side sends can run code here, and its bounds hold
whatever it sends (frame size; Python's 4300-digit limit on ints; the parser's recursion
limit on depth). Encoding runs on the sending side and may be liberal (numpy scalars become
Python numbers); decoding is strict.

A numpy array's bytes travel raw, after the JSON: data with arrays is b"\\0", the JSON's
length (4 bytes), the JSON, then each array's bytes in the order the JSON names them, its
tag `{"$": "a", "v": [dtype, shape, offset]}`. Base64 inside JSON cost a 1 MB array 5 ms
of CPU to cross; raw, a copy. The decoder takes the arrays in order, end to end, and wants
every byte accounted for.
"""

from __future__ import annotations

import base64
import json
import os
import struct
from fractions import Fraction
from itertools import chain
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "MAX_FRAME",
    "ProtocolError",
    "decode",
    "encode",
    "read_frame",
    "write_frame",
]

MAX_FRAME = 8 * 1024 * 1024
MAX_DEPTH = 100
MAX_ARRAY_RANK = 32

_U32 = struct.Struct(">I")
# Starts data with arrays, whose bytes follow the JSON; JSON text never starts with it.
_WITH_ARRAYS = b"\0"
_NATIVE = frozenset({int, float, str, bool, type(None)})
_SEQUENCES = (frozenset({list}), frozenset({tuple}))
# Numeric dtypes only: an object array would carry arbitrary objects.
_ARRAY_KINDS = frozenset("biufc")
_encoder = json.JSONEncoder(separators=(",", ":"), check_circular=False)


class ProtocolError(Exception):
    """The bytes received are not a well-formed message within the limits."""


def encode(value: Any) -> bytes:
    """Serialise plain data; raise TypeError naming the first value that is not plain data."""
    arrays: list[bytes] = []
    try:
        text = _encoder.encode(_tagged(value, 0, arrays)).encode("ascii")
    except ValueError as exc:  # e.g. an int too long to write in decimal
        raise TypeError(str(exc)) from None
    if not arrays:
        return text
    return b"".join([_WITH_ARRAYS, _U32.pack(len(text)), text, *arrays])


def _tagged(value: Any, depth: int, arrays: list[bytes]) -> Any:
    kind = type(value)
    if kind in _NATIVE:
        return value
    if depth >= MAX_DEPTH:
        raise TypeError(f"data nested deeper than {MAX_DEPTH} levels")
    # A flat list or tuple of natives (most arguments and results), and a list of flat lists
    # or of flat tuples (a matrix, pairs, intervals), is checked in C and written as it is:
    # the JSON encoder writes a tuple as an array.
    if kind is list:
        kinds = set(map(type, value))
        if _NATIVE.issuperset(kinds):
            return value
        flat = kinds in _SEQUENCES and depth + 1 < MAX_DEPTH
        if flat and _NATIVE.issuperset(map(type, chain.from_iterable(value))):
            return value if list in kinds else {"$": "T", "v": value}
        return [_tagged(item, depth + 1, arrays) for item in value]
    if kind is tuple:
        if _NATIVE.issuperset(map(type, value)):
            return {"$": "t", "v": value}
        return {"$": "t", "v": [_tagged(item, depth + 1, arrays) for item in value]}
    return _tagged_other(value, depth, arrays)


def _tagged_other(value: Any, depth: int, arrays: list[bytes]) -> Any:
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple):
        return _tagged(list(value) if isinstance(value, list) else tuple(value), depth, arrays)
    if isinstance(value, set | frozenset):
        tag = "z" if isinstance(value, frozenset) else "S"
        return {"$": tag, "v": [_tagged(item, depth + 1, arrays) for item in value]}
    if isinstance(value, dict):
        pairs = [
            [_tagged(k, depth + 1, arrays), _tagged(v, depth + 1, arrays)]
            for k, v in value.items()
        ]
        return {"$": "d", "v": pairs}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$": "b", "v": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, Fraction):
        return {"$": "q", "v": [int(value.numerator), int(value.denominator)]}
    if isinstance(value, complex):
        return {"$": "c", "v": [float(value.real), float(value.imag)]}
    return _tagged_numpy(value, depth, arrays)


def _tagged_numpy(value: Any, depth: int, arrays: list[bytes]) -> Any:
    if type(value).__module__ == "numpy":
        import numpy as np

        if isinstance(value, np.ndarray) and value.dtype.kind in _ARRAY_KINDS:
            offset = sum(map(len, arrays))
            arrays.append(value.tobytes())  # C order, whatever the array's own layout
            return {"$": "a", "v": [value.dtype.str, list(value.shape), offset]}
        if isinstance(value, np.generic) and value.dtype.kind in _ARRAY_KINDS:
            return _tagged(value.item(), depth, arrays)
    raise TypeError(f"{type(value).__name__} is not plain data")


def decode(data: bytes) -> Any:
    """Rebuild plain data from `encode`'s output; raise ProtocolError on anything else."""
    try:
        if not data.startswith(_WITH_ARRAYS):
            return _decoder.decode(data.decode("utf-8"))
        return _decode_with_arrays(data)
    except ProtocolError:
        raise
    except (ValueError, TypeError, RecursionError, UnicodeDecodeError, struct.error) as exc:
        raise ProtocolError(f"malformed data: {exc}") from None


def _decode_with_arrays(data: bytes) -> Any:
    (size,) = _U32.unpack_from(data, len(_WITH_ARRAYS))
    start = len(_WITH_ARRAYS) + _U32.size
    if start + size > len(data):
        raise ProtocolError("data shorter than its JSON")
    arrays = _Arrays(memoryview(data)[start + size :])

    def untag(obj: dict[str, Any]) -> Any:
        if obj.get("$") == "a" and len(obj) == 2 and type(obj.get("v")) is list:
            return arrays.take(*obj["v"]) if len(obj["v"]) == 3 else _untag(obj)
        return _untag(obj)

    value = json.JSONDecoder(object_hook=untag).decode(data[start : start + size].decode())
    if arrays.offset != len(arrays.data):
        raise ProtocolError("array data that no array takes")
    return value


class _Arrays:
    """The raw bytes after a frame's JSON, taken by its arrays in order, end to end."""

    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.offset = 0

    def take(self, dtype_name: Any, shape: Any, offset: Any) -> Any:
        import numpy as np

        if type(dtype_name) is not str or len(dtype_name) > 8:
            raise ProtocolError("a malformed array")
        if type(offset) is not int or offset != self.offset:
            raise ProtocolError("array data out of order")
        dtype = np.dtype(dtype_name)
        if dtype.kind not in _ARRAY_KINDS:
            raise ProtocolError("an array of a non-numeric dtype")
        if type(shape) is not list or len(shape) > MAX_ARRAY_RANK:
            raise ProtocolError("a malformed array shape")
        size = dtype.itemsize
        for extent in shape:
            if type(extent) is not int or extent < 0:
                raise ProtocolError("a malformed array shape")
            size *= extent
        if self.offset + size > len(self.data):
            raise ProtocolError("array data does not match its shape")
        raw = self.data[self.offset : self.offset + size]
        self.offset += size
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def _untag(obj: dict[str, Any]) -> Any:
    if len(obj) != 2 or "$" not in obj or "v" not in obj:
        raise ProtocolError("an object that is not a tagged value")
    tag, body = obj["$"], obj["v"]
    if tag in _FROM_LIST and type(body) is list:
        return _FROM_LIST[tag](body)
    if tag == "d" and type(body) is list:
        if not all(type(pair) is list and len(pair) == 2 for pair in body):
            raise ProtocolError("a dict entry that is not a pair")
        return dict(body)
    if tag == "b" and type(body) is str:
        return base64.b64decode(body, validate=True)
    if tag == "q" and type(body) is list and len(body) == 2:
        numerator, denominator = body
        if type(numerator) is int and type(denominator) is int and denominator > 0:
            return Fraction(numerator, denominator)
    if tag == "c" and type(body) is list and [type(part) for part in body] == [float, float]:
        return complex(body[0], body[1])
    raise ProtocolError(f"a malformed tagged value ({str(tag)[:10]!r})")


def _tuples(body: list[Any]) -> list[tuple[Any, ...]]:
    if not all(type(item) is list for item in body):
        raise ProtocolError("a list of tuples with an item that is not one")
    return [tuple(item) for item in body]


_FROM_LIST: dict[str, Any] = {"t": tuple, "T": _tuples, "S": set, "z": frozenset}
_decoder = json.JSONDecoder(object_hook=_untag)


def write_frame(fd: int, payload: bytes) -> None:
    """Write one length-prefixed frame to a file descriptor, all of it."""
    if len(payload) > MAX_FRAME:
        raise ValueError(f"a frame of {len(payload)} bytes exceeds {MAX_FRAME}")
    view = memoryview(_U32.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view) :]


def read_frame(fd: int, limit: int = MAX_FRAME) -> bytes | None:
    """Read one frame; None at a clean end of stream; ProtocolError if cut or too large."""
    header = _read_exactly(fd, 4)
    if header is None:
        return None
    (size,) = _U32.unpack(header)
    if size > limit:
        raise ProtocolError(f"a frame of {size} bytes exceeds {limit}")
    payload = _read_exactly(fd, size) if size else b""
    if payload is None:
        raise ProtocolError("stream ends inside a frame")
    return payload


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunk = os.read(fd, size)
    if len(chunk) == size or not chunk:
        return chunk or None
    chunks = bytearray(chunk)
    while len(chunks) < size:
        chunk = os.read(fd, size - len(chunks))
        if not chunk:
            raise ProtocolError("stream ends inside a frame")
        chunks += chunk
    return bytes(chunks)
