"""The seccomp filter, built by libseccomp, refuses what it should on this very architecture."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

# Runs in a child: load the filter, then try each call through its number on this machine.
PROBE = r"""
import ctypes, json, os, threading
from graders._inside.seccomp import Filter

seccomp = Filter()
libc = ctypes.CDLL(None, use_errno=True)
seccomp.load()


def attempt(name, *args):
    number = seccomp.syscall_number(name)
    if number < 0:
        return "absent"
    result = libc.syscall(number, *[ctypes.c_long(a) for a in args])
    return "ok" if result >= 0 else os.strerror(ctypes.get_errno())


outcome = {
    "unshare(CLONE_NEWUSER)": attempt("unshare", 0x10000000),
    "unshare(CLONE_NEWNET)": attempt("unshare", 0x40000000),
    "clone(CLONE_NEWPID)": attempt("clone", 0x20000000 | 17, 0, 0, 0, 0),
    "clone3": attempt("clone3", 0, 0),
    "ptrace": attempt("ptrace", 0, 0, 0, 0),
    "mount": attempt("mount", 0, 0, 0, 0, 0),
    "umount2": attempt("umount2", 0, 0),
    "setns": attempt("setns", 0, 0),
    "bpf": attempt("bpf", 0, 0, 0),
    "keyctl": attempt("keyctl", 0, 0, 0, 0, 0),
    "io_uring_setup": attempt("io_uring_setup", 1, 0),
    "perf_event_open": attempt("perf_event_open", 0, 0, 0, 0, 0),
    "userfaultfd": attempt("userfaultfd", 0),
    "getpid": attempt("getpid"),
    "unshare(0)": attempt("unshare", 0),
}
thread = threading.Thread(target=lambda: None)
thread.start()
thread.join()
child = os.fork()
if child == 0:
    os._exit(7)
outcome["fork and thread"] = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
print(json.dumps(outcome))
"""


def test_the_forbidden_calls_fail_on_this_architecture() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    outcome = json.loads(result.stdout)
    refused = {name: why for name, why in outcome.items() if why == "Operation not permitted"}
    assert set(refused) == {
        "unshare(CLONE_NEWUSER)",
        "unshare(CLONE_NEWNET)",
        "clone(CLONE_NEWPID)",
        "ptrace",
        "mount",
        "umount2",
        "setns",
        "bpf",
        "keyctl",
        "io_uring_setup",
        "perf_event_open",
        "userfaultfd",
    }, (platform.machine(), outcome)
    assert outcome["clone3"] == "Function not implemented", platform.machine()
    assert (outcome["getpid"], outcome["unshare(0)"]) == ("ok", "ok")
    assert outcome["fork and thread"] == 7
