"""Content checks on the bank (`katabank questions check`): key points and answers a user sees.

A key point is a claim a good answer makes, so answer mode can tell a strong answer from a
vague one. The check fails on key points that cannot be such a claim: a fragment (cut
mid-sentence, unbalanced brackets or maths, a lead-in or subordinate clause with no main
clause), a heading (only the question's own words, a generic label like "Opposite problem",
a bare "yes", a pointer like "Below is an example"), a duplicate of another key point, or a
point an editor's note in the answer says is wrong (or that restates the text a correction
flags). It also fails on answers with an empty bullet or maths whose delimiters do not pair
up (KaTeX would print them raw). These are word-level rules, not a parser: README of
questions/ lists them, and tests/bank/test_content_check.py pins each.

The importer uses the same predicates (`key_point_problem`) to leave such points out, so
what it writes passes; what fails afterwards is a hand edit or a note it could not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from server.bank.corrections import Correction, editor_note_markdown
from server.bank.files import BankError, QuestionDoc
from server.keypoints import stems

__all__ = [
    "answer_problems",
    "check_bank",
    "contradicts",
    "editor_notes",
    "key_point_problem",
    "same_point",
]

# A point that ends on one of these stops mid-sentence ("... minimizing a neural network's").
_DANGLING_TEXT = """
    a an the and or but nor of to with for in on at by into onto as than that which who
    whose whom where when while because since if so such is are was were be been being has
    have had do does its their his her our your my this these those very more most less
    least can could will would should may might must via per vs e.g i.e etc refer
    refers helps help enabling allowing including like using between among about across
    after against along around before behind below during over through toward towards under
    until upon within without whether two three several many each every
"""
_DANGLING = frozenset(_DANGLING_TEXT.split())
# Stems of words that only label a point ("Opposite problem", "Main idea", "Pros").
_HEADING_TEXT = """
    opposite problem problems idea ideas main key point points pros cons advantage
    advantages disadvantage disadvantages benefit benefits drawback drawbacks definition
    overview summary example examples intuition motivation approach approaches method
    methods solution solutions answer note notes detail details explanation general
    generally basic basics important concept concepts step steps option options type types
    reason reasons question use uses usage case cases other others related result results
    yes no true false maybe correct incorrect right wrong both neither none common
    appropriate somewhat counter intuitively everything else thing things conclusion
    conclusions mechanism implementation importance wikipedia
"""
_HEADING_STEMS = frozenset(stem for word in _HEADING_TEXT.split() for stem in stems(word)) | {
    "yes",
    "no",
}
# A lead-in with no clause after it: "In the context of deep networks", "When you initialize
# the neurons randomly". The notes often drop the comma before the main clause, so a point
# with a finite verb of its own ("If the data is noisy the trees might overfit") passes.
_LEAD_IN = re.compile(
    r"^(in|for|on|at|with|by|during|within|under|regarding|as for|after|before|when|if|whether)"
    r"\b[^,]*$",
    re.IGNORECASE,
)
# A subordinate clause cut before its main clause: "While CNNs were once used for translation".
_SUBORDINATE = re.compile(
    r"^(while|although|though|even though|whereas|because|since|unless|by)\b[^,;]*$", re.IGNORECASE
)
_FINITE = re.compile(
    r"\b(is|are|was|were|be|can|could|will|would|should|might|must|may|does|do|did"
    r"|it[’']s|there[’']s)\b",
    re.IGNORECASE,
)
# Pointers at other material, and announcements of a list rather than its content.
_POINTER = re.compile(
    r"^(below|above|here|the following|see|for (further|more) (details|information))\b"
    r"|\bkeep in mind$"
    r"|^there (are|is) (two|three|four|five|several|many|various|different|a few|some)"
    r"( \w+){0,2}$",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|isn[’']t|aren[’']t|doesn[’']t|don[’']t|cannot|can[’']t"
    r"|wrong|incorrect|false|mistaken|instead of|rather than)\b",
    re.IGNORECASE,
)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EDITOR_NOTE = re.compile(r"^> \*\*Editor's note:\*\*(.*(?:\n>.*)*)", re.MULTILINE)
_NOTE_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_EMPTY_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s*$")
_FENCE = re.compile(r"^```.*?^```[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$(?!\$)")
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def key_point_problem(
    point: str,
    *,
    prompt: str,
    others: Sequence[str] = (),
    notes: Sequence[str] = (),
    wrong: Sequence[str] = (),
) -> str | None:
    """Why `point` is not a claim a good answer makes (None when it is one).

    `others` are the question's earlier key points (for duplicates); `notes` its editor's
    notes and `wrong` the text of the notes those editor's notes correct (for contradictions).
    """
    text = point.strip()
    words = re.findall(r"[\w’'.-]+", text.lower())
    if not words:
        return "is empty"
    if words[-1].rstrip(".") in _DANGLING or words[-1].endswith(("'s", "’s")):
        return f"is a fragment: it stops at {words[-1]!r}"
    if text.endswith((",", ":", ";", "-", "–", "—", "(", "…")) or text.endswith("..."):
        return "is a fragment: it stops mid-sentence"
    if not _balanced(_CODE_SPAN.sub("", text)):
        return "is a fragment: brackets, quotes or maths do not pair up"
    body = text.split(": ", 1)[1] if ": " in text else text
    if (_LEAD_IN.match(text) or _LEAD_IN.match(body)) and not _FINITE.search(body):
        return "is a fragment: a lead-in phrase with no claim after it"
    if _SUBORDINATE.match(body):
        return "is a fragment: a subordinate clause with no main clause"
    if _POINTER.search(text):
        return "points at other material instead of making a claim"
    content = set(stems(text))
    if not content or {stem for stem in content if not stem.isdigit()} <= _HEADING_STEMS:
        return "is a heading, not a claim"
    if content <= set(stems(prompt)) | _HEADING_STEMS:
        return "only repeats the question's words: say what a good answer claims"
    for other in others:
        if same_point(text, other):
            return f"repeats the key point {other!r}"
    for note in notes:
        if contradicts(note, text):
            return "is contradicted by the editor's note"
    for flagged in wrong:
        if len(content & set(stems(flagged))) >= 0.8 * len(content):
            return f"restates {flagged!r}, which an editor's note corrects"
    return None


def same_point(one: str, other: str) -> bool:
    """Near-duplicates: the same content words give or take one in five, or one point's
    words all inside the other's ("Preventing overfitting" and "Regularization prevents
    overfitting")."""
    a, b = set(stems(one)), set(stems(other))
    smaller, larger = sorted((a, b), key=len)
    return bool(a and b) and (
        len(a & b) >= 0.8 * len(a | b) or (len(smaller) >= 2 and smaller <= larger)
    )


def contradicts(note: str, point: str) -> bool:
    """True when a negative sentence of `note` names every content word of `point`,
    unless the point also says what that sentence puts in bold (the corrected version).

    "Naive Bayes and decision trees are supervised classifiers, not clustering methods"
    names "Naive Bayes", so that key point of "What are the main clustering methods?" goes.
    """
    # "Naive Bayes: supervised ..." names its subject in the label: the label alone counts.
    label = point.split(": ", 1)[0] if ": " in point else point
    wanted = [set(stems(part)) for part in {point, label}]
    said = set(stems(point))
    for sentence in _NOTE_SENTENCE.split(note):
        if not _NEGATION.search(sentence):
            continue
        # Editors put the right version in bold ("the sum of the **absolute values**"):
        # a point that says it agrees with the note.
        bold = {stem for found in _BOLD.findall(sentence) for stem in stems(found)}
        if bold and bold <= said:
            continue
        if any(w and w <= set(stems(sentence)) for w in wanted):
            return True
    return False


def editor_notes(answer: str) -> list[str]:
    """The text of each `> **Editor's note:**` blockquote in an answer."""
    return [
        " ".join(line.lstrip("> ").strip() for line in found.group(1).splitlines())
        for found in _EDITOR_NOTE.finditer(answer)
    ]


def answer_problems(answer: str) -> list[tuple[int, str]]:
    """(line within the answer, message) for empty bullets and maths that does not pair up."""
    problems: list[tuple[int, str]] = []
    prose = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), answer)
    for number, line in enumerate(prose.splitlines(), 1):
        if _EMPTY_ITEM.match(line):
            problems.append((number, "empty bullet"))
    spans = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), prose)
    if spans.count("$$") % 2:
        opened = spans[: spans.rfind("$$")].count("\n") + 1
        problems.append((opened, "display maths `$$` opened and never closed"))
        return problems
    for found in _DISPLAY.finditer(spans):
        if not _balanced(found.group(1), quotes=False):
            opened = spans[: found.start()].count("\n") + 1
            problems.append((opened, f"braces do not pair up in $${found.group(1).strip()[:40]}$$"))
    spans = _DISPLAY.sub(lambda m: "\n" * m.group(0).count("\n"), spans)
    for number, line in enumerate(spans.splitlines(), 1):
        unescaped = re.sub(r"\\\$", "", line)
        if unescaped.count("$") % 2:
            problems.append((number, "inline maths `$` opened and never closed"))
            continue
        for found in _INLINE.finditer(unescaped):
            if not _balanced(found.group(1), quotes=False):
                problems.append((number, f"braces do not pair up in ${found.group(1)[:40]}$"))
        if re.search(r"\\[()\[\]]", unescaped) and "\\left" not in unescaped:
            problems.append((number, "maths left in \\( \\) or \\[ \\] delimiters"))
    return problems


def check_bank(
    docs: Iterable[QuestionDoc], corrections: Sequence[Correction] = ()
) -> list[BankError]:
    """Every content problem in the bank, each located at its question file.

    A correction applies to the questions whose answer carries its editor's note.
    """
    errors: list[BankError] = []
    for doc in docs:
        lines = _file_lines(doc)
        notes = editor_notes(doc.answer)
        wrong = [c.match for c in corrections if editor_note_markdown(c.editor_note) in doc.answer]
        seen: list[str] = []
        for point in doc.key_points:
            problem = key_point_problem(
                point, prompt=doc.prompt, others=seen, notes=notes, wrong=wrong
            )
            if problem:
                line = next((n for n, text in enumerate(lines, 1) if point in text), None)
                errors.append(BankError(doc.path, line, f"key point {point!r} {problem}"))
            seen.append(point)
        start = lines.index("+++", 1) + 1 if lines.count("+++") >= 2 else 0
        for line, message in answer_problems(doc.answer):
            errors.append(BankError(doc.path, start + line, f"answer: {message}"))
    return errors


def _file_lines(doc: QuestionDoc) -> list[str]:
    """The question file's lines, to point an error at; none when the file is gone."""
    try:
        return doc.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def _balanced(text: str, *, quotes: bool = True) -> bool:
    stack: list[str] = []
    for char in re.sub(r"\\[{}()\[\]]", "", text):
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif char in _PAIRS.values() and (not stack or stack.pop() != char):
            return False
    if stack:
        return False
    if not quotes:
        return True
    return (
        text.count("“") == text.count("”")
        and text.count("$") % 2 == 0
        and text.count('"') % 2 == 0
        and text.count("**") % 2 == 0
    )
