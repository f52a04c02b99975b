"""English word stems (Snowball), shared by search and key-point scoring.

A Snowball stemmer object keeps the word it works on in itself, so one shared by the request
threads mixes their words up (search answered 500 under load): each thread gets its own.
Stems are memoised: the bank's vocabulary is small and a page stems the same words again.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import snowballstemmer

__all__ = ["stem"]

_local = threading.local()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one lowercase word: "gradients" -> "gradient"."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return str(stemmer.stemWord(word))
