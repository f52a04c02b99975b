"""The candidate's names as an imported Exercism exercise's unittest tests expect them.

An Exercism test says `from two_fer import two_fer` and `with self.assertRaises(ValueError)`.
The kata's generated module (two_fer.py, in the harness's files only) binds each name to a
proxy for the candidate's function or class, and raises what the candidate raised as a real
exception of that name: a builtin one, or a stand-in for an exception class the exercise
defines (with the base its example gives it). The original CandidateRaised stays its
__cause__, so a test that did not expect it reports the candidate's error and traceback as
usual. Only names and messages cross.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any

from graders._inside.harness.plugin import candidate
from graders._inside.harness.proxy import CallOnly, Instance
from graders.kit import CandidateRaised

__all__ = ["CandidateNames"]

# Exceptions a test may expect by their builtin name; never BaseException-only ones (exits).
_BUILTIN: dict[str, type[Exception]] = {
    name: value
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, Exception)
}


class CandidateNames:
    """Proxies for the candidate's top-level names, and the exercise's exception classes."""

    def __init__(self) -> None:
        self._solution = candidate()
        self._exceptions = dict(_BUILTIN)

    def named(self, name: str) -> Callable[..., Any]:
        """The candidate's function or class `name`."""
        return _Translated(self._solution.named(name), self._exceptions)

    def exception(self, name: str, base: str = "Exception") -> type[Exception]:
        """A stand-in for the exercise's exception class `name`, a subclass of the builtin or
        earlier stand-in `base` as in the exercise's example (the candidate's is known by name).
        """
        stand_in = type(name, (self._exceptions.get(base, Exception),), {"__module__": "solution"})
        self._exceptions[name] = stand_in
        return stand_in


class _Translated(CallOnly):
    """Calls the candidate; what it raised is raised as the exception of that name here."""

    def __init__(self, target: Callable[..., Any], exceptions: dict[str, type[Exception]]):
        self._target = target
        self._exceptions = exceptions

    def __repr__(self) -> str:
        return repr(self._target)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            value = self._target(*args, **kwargs)
        except CandidateRaised as raised:
            kind = self._exceptions.get(raised.type_name)
            if kind is None:
                raise
            try:
                translated = kind(raised.message)
            except Exception:  # a builtin that wants other arguments (UnicodeDecodeError)
                raise raised from None
            raise translated from raised
        return _Object(value, self._exceptions) if isinstance(value, Instance) else value


class _Object:
    """An object the candidate's class made; its methods raise like the functions do."""

    def __init__(self, instance: Instance, exceptions: dict[str, type[Exception]]) -> None:
        self._instance = instance
        self._exceptions = exceptions

    def __repr__(self) -> str:
        return repr(self._instance)

    def __getattr__(self, name: str) -> _Translated:
        if name.startswith("_"):
            raise AttributeError(name)
        return _Translated(getattr(self._instance, name), self._exceptions)
