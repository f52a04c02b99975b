"""Runs in every worker: a seccomp filter that refuses what no kata needs.

Namespaces, uids and rlimits already contain a worker; this narrows the kernel it can
reach. Refused with EPERM: creating namespaces (a user namespace would hand the worker a
full set of capabilities over its own objects), ptrace, bpf, perf events, keyrings,
userfaultfd, io_uring, module and kexec loading, and every mount-related call. clone3
answers ENOSYS, because its flags sit in memory a filter cannot read; the C library then
falls back to clone, whose flags it can. Only x86-64 is filtered; elsewhere the other
layers stand alone.
"""

from __future__ import annotations

import ctypes
import errno
import platform

__all__ = ["install"]

_AUDIT_ARCH_X86_64 = 0xC000003E
_X32_SYSCALL_BIT = 0x40000000
_CLONE_NEW_FLAGS = 0x7E020080  # NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET|NEWTIME
_CLONE, _UNSHARE, _CLONE3 = 56, 272, 435
_REFUSED = (
    101,  # ptrace
    103,  # syslog
    155,  # pivot_root
    161,  # chroot
    163,  # acct
    165,  # mount
    166,  # umount2
    167,  # swapon
    168,  # swapoff
    169,  # reboot
    175,  # init_module
    176,  # delete_module
    179,  # quotactl
    246,  # kexec_load
    248,  # add_key
    249,  # request_key
    250,  # keyctl
    298,  # perf_event_open
    303,  # name_to_handle_at
    304,  # open_by_handle_at
    308,  # setns
    310,  # process_vm_readv
    311,  # process_vm_writev
    313,  # finit_module
    320,  # kexec_file_load
    321,  # bpf
    323,  # userfaultfd
    425,  # io_uring_setup
    426,  # io_uring_enter
    427,  # io_uring_register
    428,  # open_tree
    429,  # move_mount
    430,  # fsopen
    431,  # fsconfig
    432,  # fsmount
    433,  # fspick
    442,  # mount_setattr
)

_LD_ABS, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06
_ALLOW, _KILL = 0x7FFF0000, 0x80000000
_EPERM, _ENOSYS = 0x00050000 | errno.EPERM, 0x00050000 | errno.ENOSYS
_NR, _ARCH, _ARG0 = 0, 4, 16  # offsets in struct seccomp_data (arg0's low half on x86-64)
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2


class _Instruction(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint),
    ]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


def _program() -> list[tuple[int, int, int, int]]:
    """The filter as (code, jump if true, jump if false, k), jumps counted from the next one."""
    refused = len(_REFUSED)
    code = [
        (_LD_ABS, 0, 0, _ARCH),
        (_JEQ, 1, 0, _AUDIT_ARCH_X86_64),
        (_RET, 0, 0, _KILL),
        (_LD_ABS, 0, 0, _NR),
        (_JGE, refused + 4, 0, _X32_SYSCALL_BIT),
    ]
    for index, number in enumerate(_REFUSED):
        code.append((_JEQ, refused - index + 3, 0, number))
    code += [
        (_JEQ, 4, 0, _CLONE3),
        (_JEQ, 4, 0, _CLONE),
        (_JEQ, 3, 0, _UNSHARE),
        (_RET, 0, 0, _ALLOW),
        (_RET, 0, 0, _EPERM),  # x32 and the refused calls land here
        (_RET, 0, 0, _ENOSYS),  # clone3
        (_LD_ABS, 0, 0, _ARG0),  # clone and unshare: look at the flags
        (_JSET, 1, 0, _CLONE_NEW_FLAGS),
        (_RET, 0, 0, _ALLOW),
        (_RET, 0, 0, _EPERM),
    ]
    return code


def install() -> None:
    """Filter this process and everything it starts; no_new_privs must already be set."""
    if platform.machine() != "x86_64":
        return
    code = _program()
    instructions = (_Instruction * len(code))(*(_Instruction(*step) for step in code))
    program = _Program(len(code), instructions)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"seccomp: {errno.errorcode.get(number, number)}")
