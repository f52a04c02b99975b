# expect: error
# Sends its own malformed greeting on the link to the tests, then vanishes.
import json
import os
import struct

payload = json.dumps({"$": "t", "v": ["load-error", [[1, 2, 3]]]}).encode()
os.write(4, struct.pack(">I", len(payload)) + payload)
os._exit(0)
