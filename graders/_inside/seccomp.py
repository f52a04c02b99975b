"""Runs in every worker: a seccomp filter, built by libseccomp, that refuses what no kata needs.

Namespaces, rlimits and dropped capabilities already contain a worker; this narrows the
kernel it can reach. Refused with EPERM: creating namespaces (clone or unshare with any
CLONE_NEW* flag, setns), ptrace, bpf, perf events, keyrings, userfaultfd, io_uring, module
and kexec loading, and every mount-related call. clone3 answers ENOSYS, because its flags
sit in memory a filter cannot read; the C library then falls back to clone, whose flags it
can. libseccomp (the system's libseccomp2, through ctypes) knows each architecture's
syscall numbers and kills a process calling through another ABI (x32, or i386 on x86-64),
so the same rules hold on x86-64, aarch64 and whatever else it supports.
"""

from __future__ import annotations

import ctypes
import errno
import platform

__all__ = ["REFUSED", "Filter"]

REFUSED = (
    "acct",
    "add_key",
    "bpf",
    "chroot",
    "delete_module",
    "finit_module",
    "fsconfig",
    "fsmount",
    "fsopen",
    "fspick",
    "init_module",
    "io_uring_enter",
    "io_uring_register",
    "io_uring_setup",
    "kexec_file_load",
    "kexec_load",
    "keyctl",
    "mount",
    "mount_setattr",
    "move_mount",
    "name_to_handle_at",
    "open_by_handle_at",
    "open_tree",
    "perf_event_open",
    "pivot_root",
    "process_vm_readv",
    "process_vm_writev",
    "ptrace",
    "quotactl",
    "reboot",
    "request_key",
    "setns",
    "swapoff",
    "swapon",
    "syslog",
    "umount",
    "umount2",
    "userfaultfd",
)
# NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET, NEWTIME: one rule per bit.
_CLONE_NEW_FLAGS = (
    0x20000,
    0x2000000,
    0x4000000,
    0x8000000,
    0x10000000,
    0x20000000,
    0x40000000,
    0x80,
)

_ACT_ALLOW = 0x7FFF0000
_ACT_ERRNO = 0x00050000
_CMP_MASKED_EQ = 7


class _ArgCmp(ctypes.Structure):
    _fields_ = [
        ("arg", ctypes.c_uint),
        ("op", ctypes.c_int),
        ("datum_a", ctypes.c_uint64),
        ("datum_b", ctypes.c_uint64),
    ]


def _errno(number: int) -> int:
    return _ACT_ERRNO | (number & 0xFFFF)


class Filter:
    """The filter, compiled once (in the zygote) and loaded by each worker it forks."""

    def __init__(self) -> None:
        self._lib = lib = ctypes.CDLL("libseccomp.so.2", use_errno=True)
        lib.seccomp_init.restype = ctypes.c_void_p
        lib.seccomp_init.argtypes = [ctypes.c_uint32]
        lib.seccomp_rule_add_array.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.POINTER(_ArgCmp),
        ]
        lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
        lib.seccomp_load.argtypes = [ctypes.c_void_p]
        self._ctx = lib.seccomp_init(_ACT_ALLOW)
        if not self._ctx:
            raise OSError(errno.ENOMEM, "seccomp_init failed")
        for name in REFUSED:
            self._rule(_errno(errno.EPERM), name)
        self._rule(_errno(errno.ENOSYS), "clone3")
        # The flags are the first argument of clone everywhere but s390, where they come second.
        clone_flags = 1 if platform.machine().startswith("s390") else 0
        for flag in _CLONE_NEW_FLAGS:
            self._rule(_errno(errno.EPERM), "clone", (clone_flags, flag))
            self._rule(_errno(errno.EPERM), "unshare", (0, flag))

    def syscall_number(self, name: str) -> int:
        """This architecture's number for `name`; negative where it has no such call."""
        return int(self._lib.seccomp_syscall_resolve_name(name.encode()))

    def _rule(self, action: int, name: str, masked: tuple[int, int] | None = None) -> None:
        number = self.syscall_number(name)
        if number < 0:  # no such call on this architecture: nothing to refuse
            return
        compare = (_ArgCmp * 1)()
        count = 0
        if masked is not None:
            arg, mask = masked
            compare[0] = _ArgCmp(arg, _CMP_MASKED_EQ, mask, mask)
            count = 1
        result = self._lib.seccomp_rule_add_array(self._ctx, action, number, count, compare)
        if result != 0:
            raise OSError(-result, f"seccomp rule for {name}: {errno.errorcode.get(-result)}")

    def load(self) -> None:
        """Filter this process and everything it starts (sets no_new_privs if not yet set)."""
        result = self._lib.seccomp_load(self._ctx)
        if result != 0:
            raise OSError(-result, f"seccomp_load: {errno.errorcode.get(-result, result)}")
