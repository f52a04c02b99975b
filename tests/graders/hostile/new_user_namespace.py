# expect: error
# A user namespace would give it every capability over objects it creates; seccomp says no.
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)


def intersection(xs, ys):
    if libc.unshare(0x10000000) != 0:
        raise PermissionError(os.strerror(ctypes.get_errno()))
    return list(set(xs) & set(ys))
