# expect: error
import os

print(sorted(os.environ.items()))
for path in ("/proc/1/environ", "/proc/self/environ"):
    try:
        with open(path, "rb") as handle:
            print(path, handle.read())
    except OSError as error:
        print(path, error)


def intersection(xs, ys):
    raise RuntimeError("environment dumped")
