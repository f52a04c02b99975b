# expect: error
# Writes made-up frames on every descriptor it has, hoping one reaches the grader.
import json
import os
import struct


def frame(value):
    payload = json.dumps(value).encode()
    return struct.pack(">I", len(payload)) + payload


def intersection(xs, ys):
    fake = [frame({"$": "t", "v": ["done", 0]}), frame({"$": "t", "v": ["return", 1, [9, 0]]})]
    for fd in range(3, 64):
        for data in fake:
            try:
                os.write(fd, data)
            except OSError:
                pass
    os.write(4, b"\x00\x00\x00\x05{{{{{")
    return list(set(xs) & set(ys))
