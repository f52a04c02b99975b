"""Code similarity by winnowing normalised tokens (the MOSS algorithm), for human review.

Schleimer, Wilkerson and Aiken (SIGMOD 2003): hash every run of `k` normalised tokens and keep
the smallest hash in each window of `w` hashes. Any shared run of `w + k - 1` tokens is found,
and nothing shorter than `k` tokens is. Names, comments, string and number literals, and layout
are normalised away first, so renaming variables or reformatting does not hide a copy. Hashes
that also occur in the boilerplate (the starter code and the reference solution) are dropped,
so what every candidate is given, or what the kata expects, does not count as copying.

A flag is a prompt for a person, never a penalty: `compare` reports a score and the matching
regions; the reviewer decides.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import keyword
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "MIN_FINGERPRINTS",
    "Comparison",
    "Fingerprint",
    "Span",
    "compare",
    "compare_prints",
    "fingerprint",
]

#: Tokens per hashed run: shorter shared runs are noise (every loop shares `for V in V :`).
K = 12
#: Hashes per window: any shared run of K + W - 1 tokens is guaranteed to be found.
W = 6
#: Below this many fingerprints (after boilerplate) a solution is too short to judge.
MIN_FINGERPRINTS = 6

_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_KEPT_NAMES = _KEYWORDS | frozenset(dir(builtins))
_SKIPPED = frozenset(
    {
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENCODING,
        tokenize.ENDMARKER,
        tokenize.TYPE_COMMENT,
    }
)


@dataclass(frozen=True, slots=True)
class Span:
    """A region of source text, as character offsets [start, end)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The winnowed hashes of one source, each with the text span its run of tokens covers."""

    hashes: dict[int, tuple[Span, ...]]

    def __len__(self) -> int:
        return len(self.hashes)

    def rows(self) -> list[list[int]]:
        """As [hash, start, end] rows, one per span: plain data for a JSON column."""
        return [[h, span.start, span.end] for h, spans in self.hashes.items() for span in spans]

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[int]]) -> Fingerprint:
        """The fingerprint `rows()` wrote."""
        hashes: dict[int, list[Span]] = {}
        for h, start, end in rows:
            hashes.setdefault(h, []).append(Span(start, end))
        return cls({h: tuple(spans) for h, spans in hashes.items()})

    def without(self, boilerplate: Iterable[Fingerprint]) -> Fingerprint:
        """This fingerprint less every hash that also occurs in `boilerplate`."""
        common: set[int] = set()
        for other in boilerplate:
            common.update(other.hashes)
        return Fingerprint({h: spans for h, spans in self.hashes.items() if h not in common})


@dataclass(frozen=True, slots=True)
class Comparison:
    """How much of each source the other shares, and where.

    `similarity` is the larger of the two shares, so padding a copy with extra code does not
    hide it; `comparable` is False when either side is too short (after boilerplate) to judge.
    """

    similarity: float
    share_a: float
    share_b: float
    spans_a: tuple[Span, ...]
    spans_b: tuple[Span, ...]
    comparable: bool


def fingerprint(source: str) -> Fingerprint:
    """Winnow `source`'s normalised tokens; code that does not tokenise is read up to the error."""
    tokens = _without_trailing_commas(list(_normalised_tokens(source)))
    runs = [
        (_hash(" ".join(text for text, _ in run)), run[0][1].start, run[-1][1].end)
        for run in (tokens[i : i + K] for i in range(len(tokens) - K + 1))
    ]
    kept: dict[int, list[Span]] = {}
    last_pick = -1
    for start in range(max(len(runs) - W + 1, 1 if runs else 0)):
        window = runs[start : start + W]
        # The rightmost minimum, as in the paper, so a run of equal hashes is recorded once.
        offset = min(range(len(window)), key=lambda i: (window[i][0], -i))
        pick = start + offset
        if pick != last_pick:
            value, begin, end = runs[pick]
            kept.setdefault(value, []).append(Span(begin, end))
            last_pick = pick
    return Fingerprint({h: tuple(spans) for h, spans in kept.items()})


def compare(a: str, b: str, *, boilerplate: Iterable[str] = ()) -> Comparison:
    """Compare two solutions of one kata, ignoring what they share with `boilerplate`."""
    common = [fingerprint(text) for text in boilerplate]
    return compare_prints(fingerprint(a).without(common), fingerprint(b).without(common))


def compare_prints(print_a: Fingerprint, print_b: Fingerprint) -> Comparison:
    """`compare` on fingerprints already made (and stripped of boilerplate), for many pairs."""
    shared = print_a.hashes.keys() & print_b.hashes.keys()
    share_a = len(shared) / len(print_a) if print_a else 0.0
    share_b = len(shared) / len(print_b) if print_b else 0.0
    return Comparison(
        similarity=max(share_a, share_b),
        share_a=share_a,
        share_b=share_b,
        spans_a=_merged(span for h in shared for span in print_a.hashes[h]),
        spans_b=_merged(span for h in shared for span in print_b.hashes[h]),
        comparable=min(len(print_a), len(print_b)) >= MIN_FINGERPRINTS,
    )


def _normalised_tokens(source: str) -> Iterator[tuple[str, Span]]:
    """Each significant token as its normalised text, with where it stands in `source`."""
    line_starts = [0]
    for line in source.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))

    def offset(row: int, col: int) -> int:
        return line_starts[min(row - 1, len(line_starts) - 1)] + col

    # For each open "(": whether it is kept (a call or definition) or layout (grouping).
    parens: list[bool] = []
    previous: tokenize.TokenInfo | None = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in _SKIPPED:
                continue
            if token.string == "(":
                parens.append(_opens_call(previous))
                skip = not parens[-1]
            elif token.string == ")":
                skip = bool(parens) and not parens.pop()
            else:
                # A semicolon is a line break written on one line: layout, like NEWLINE.
                skip = token.string == ";"
            previous = token
            if not skip:
                yield _normal_form(token), Span(offset(*token.start), offset(*token.end))
    except (tokenize.TokenError, SyntaxError):
        # Half-written code is still worth comparing up to where it stops making sense.
        return


def _without_trailing_commas(tokens: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """Drop a comma just before a closing bracket: formatters add and remove those too."""
    closers = {")", "]", "}"}
    return [
        token
        for i, token in enumerate(tokens)
        if not (token[0] == "," and i + 1 < len(tokens) and tokens[i + 1][0] in closers)
    ]


def _opens_call(previous: tokenize.TokenInfo | None) -> bool:
    """Whether a "(" after `previous` calls or defines something, rather than only grouping.

    Grouping parentheses are layout (formatters add and remove them), so they are dropped.
    """
    if previous is None:
        return False
    if previous.type == tokenize.NAME:
        return previous.string not in _KEYWORDS
    return previous.type == tokenize.STRING or previous.string in {")", "]"}


def _normal_form(token: tokenize.TokenInfo) -> str:
    if token.type == tokenize.NAME:
        return token.string if token.string in _KEPT_NAMES else "V"
    if token.type == tokenize.STRING or token.type in _FSTRING_PARTS:
        return "S"
    if token.type == tokenize.NUMBER:
        return "N"
    return token.string


_FSTRING_PARTS = frozenset(
    getattr(tokenize, name)
    for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
    if hasattr(tokenize, name)
)


def _hash(text: str) -> int:
    # A stable hash (Python's own is salted per process), so stored fingerprints stay comparable.
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _merged(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Overlapping or touching spans joined, in order of position."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return tuple(merged)
