# expect: error
# Leaves a detached grandchild sleeping, named kb-left-behind, then fails; the test checks
# that no such process survived.
import ctypes
import os
import time


def intersection(xs, ys):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            ctypes.CDLL(None).prctl(15, b"kb-left-behind", 0, 0, 0)  # PR_SET_NAME
            for fd in range(0, 64):
                try:
                    os.close(fd)
                except OSError:
                    pass
            time.sleep(3600)
        os._exit(0)
    time.sleep(0.2)
    raise RuntimeError("left a daemon behind")
