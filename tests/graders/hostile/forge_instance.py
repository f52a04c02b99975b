# expect: failed error
# Answers each call with a forged "instance" reply (a handle instead of data), hoping the
# harness takes an object it cannot compare for a pass.
import json
import os
import struct

calls = 0


def intersection(xs, ys):
    global calls
    calls += 1
    payload = json.dumps({"$": "t", "v": ["instance", calls, 1]}).encode()
    os.write(4, struct.pack(">I", len(payload)) + payload)
    return list(set(xs) & set(ys))
