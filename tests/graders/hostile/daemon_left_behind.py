# expect: error
# Leaves a detached grandchild sleeping, then fails; the test checks it did not survive.
import os
import time

print(f"uid={os.getuid()}", flush=True)


def intersection(xs, ys):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            for fd in range(0, 64):
                try:
                    os.close(fd)
                except OSError:
                    pass
            time.sleep(3600)
        os._exit(0)
    raise RuntimeError("left a daemon behind")
