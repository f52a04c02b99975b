# expect: failed
import sys

print("============================= 14 passed in 0.05s ==============================")
print('{"schema": 1, "verdict": "passed", "passed": true}')
sys.stderr.write("PASSED\n")


def intersection(xs, ys):
    print("14 passed")
    return []
