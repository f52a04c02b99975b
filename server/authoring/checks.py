"""An authored kata version checked exactly as `katabank katas check` checks a folder.

`check_files` writes the version's files to a private temporary folder, compiles the starter,
reference, tests and right solutions (a syntax error is named by file and line before the
sandbox is asked), loads it with `graders.load_kata` and runs `graders.selfcheck.check_kata`:
the reference passes, the starter does not, each wrong solution gets its declared verdict, each
right one passes. Each problem is located: a failing or hanging test by the line of its `def`
in tests_sample.py or tests_hidden.py, a wrong solution by its `# expect:` line.

A check takes seconds, so it never runs in a web request: saving enqueues a `check_kata` job on
the grading queue (server/grading), run by whatever grades submissions (the web process's
threads, or `katabank worker` processes), the editor polls the version's status (htmx), and at
start-up versions left unchecked are queued again. A version saved over before its check began
is marked superseded instead of checked; live only ever moves to a newer version.
"""

from __future__ import annotations

import ast
import logging
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, ScalarSelect, or_, update
from sqlmodel import Session, col, select

from graders import KataError, load_kata
from graders.selfcheck import check_kata, expected_verdict
from server.authoring.files import from_files
from server.authoring.models import AuthoredKata, CheckStatus, KataVersion
from server.models import Kata, utcnow

__all__ = ["Problem", "check_files", "run_check", "unchecked"]

log = logging.getLogger(__name__)

Problem = dict[str, str | int | None]
_TEST_FILES = ("tests_sample.py", "tests_hidden.py")
_COMPILED = ("starter.py", "reference.py", *_TEST_FILES)
_TEST_NAME = re.compile(r"\b(test_\w+)")
_LEADING_FILE = re.compile(r"((?:wrong|right)/\w+\.py|\w+\.py)(?::|,| )")


def check_files(kata_id: str, files: dict[str, str]) -> list[Problem]:
    """What is wrong with this kata folder; empty when it is sound."""
    problems = _syntax_problems(files)
    if problems:
        return problems
    with tempfile.TemporaryDirectory(prefix="katabank-check-") as root:
        folder = Path(root) / kata_id
        write_folder(folder, files)
        try:
            kata = load_kata(Path(root), kata_id)
        except KataError as exc:
            return [_problem("kata.toml", None, str(exc).replace(f"{folder}/", ""))]
        found, _gradings = check_kata(kata)
        return [_locate(message.replace(f"{folder}/", ""), files) for message in found]


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """The files as a kata folder on disk (paths were checked when the version was saved)."""
    for path, text in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def run_check(
    version_id: int,
    *,
    engine: Engine,
    on_live: Callable[[str], None],
    max_attempts: int = 3,
) -> None:
    """Check a stored version and record the outcome; make it live when it passed.

    What a grading queue worker runs for a `check_kata` job. `on_live(kata_id)` is told when a
    kata's live version changed. A version already checked is left alone; one whose check was
    begun more than `max_attempts` times (each cut short: a worker killed, the process
    stopped) ends failed with that reason instead of being begun again.
    """
    claimed = _claim(engine, version_id)
    if claimed is None:
        return
    attempts, kata_id, files = claimed
    if attempts > max_attempts:
        problems = [
            _problem(
                None,
                None,
                f"the check stopped {attempts - 1} times before it finished, so this version "
                "could not be checked; look for a test that exhausts memory or time, then save "
                "again.",
            )
        ]
    else:
        try:
            problems = check_files(kata_id, files)
        except Exception as exc:  # the check itself broke: say so rather than leave it spinning
            log.exception("kata check failed", extra={"version": version_id})
            problems = [_problem(None, None, f"the check could not run: {type(exc).__name__}")]
    with Session(engine) as session:
        version = session.get(KataVersion, version_id)
        authored = session.get(AuthoredKata, version.authored_id) if version else None
        if version is None or authored is None or version.status != CheckStatus.checking:
            return  # another checker finished first: its outcome stands
        version.status = CheckStatus.failed if problems else CheckStatus.passed
        version.problems = problems
        version.checked_at = utcnow()
        session.add(version)
        # Conditional, so that of two checks finishing out of order the older version never
        # replaces the newer one: live only moves forward.
        went_live = not problems and _move_live(session, authored, version_id)
        if went_live:
            _mirror(session, authored, files)
        session.commit()
    if went_live:
        on_live(kata_id)


def _move_live(session: Session, authored: AuthoredKata, version_id: int) -> bool:
    """Make `version_id` live unless a newer version is live already; whether it did."""
    moved = session.connection().execute(
        update(AuthoredKata)
        .where(
            col(AuthoredKata.id) == authored.id,
            or_(
                col(AuthoredKata.live_version_id).is_(None),
                col(AuthoredKata.live_version_id) < version_id,
            ),
        )
        .values(live_version_id=version_id)
    )
    session.refresh(authored)
    return moved.rowcount == 1


def _claim(engine: Engine, version_id: int) -> tuple[int, str, dict[str, str]] | None:
    """Mark the version checking and count the attempt: (attempts, kata id, files); None when
    it is checked already, gone, or superseded (then marked so: a newer version of the kata
    was saved before this check began, so a sandbox run on this one would be wasted)."""
    with Session(engine) as session:
        newer = (
            select(KataVersion.id)
            .where(
                col(KataVersion.authored_id) == _authored_of(version_id),
                col(KataVersion.id) > version_id,
            )
            .exists()
        )
        superseded = session.connection().execute(
            update(KataVersion)
            .where(
                col(KataVersion.id) == version_id,
                col(KataVersion.status) == CheckStatus.pending,
                newer,
            )
            .values(status=CheckStatus.superseded, checked_at=utcnow())
        )
        session.commit()
        if superseded.rowcount:
            return None
        claimed = session.exec(
            update(KataVersion)
            .where(
                col(KataVersion.id) == version_id,
                col(KataVersion.status).in_([CheckStatus.pending, CheckStatus.checking]),
            )
            .values(status=CheckStatus.checking, attempts=col(KataVersion.attempts) + 1)
            .returning(col(KataVersion.attempts))
        ).first()
        session.commit()
        if claimed is None:
            return None
        version = session.get(KataVersion, version_id)
        authored = session.get(AuthoredKata, version.authored_id) if version else None
        if version is None or authored is None:
            return None
        return int(claimed[0]), authored.kata_id, dict(version.files)


def _authored_of(version_id: int) -> ScalarSelect[int]:
    return (
        select(KataVersion.authored_id).where(col(KataVersion.id) == version_id).scalar_subquery()
    )


def unchecked(*, session: Session) -> list[int]:
    """Versions waiting for their check or cut short in it (to queue again at start-up)."""
    ids = session.exec(
        select(KataVersion.id)
        .where(col(KataVersion.status).in_([CheckStatus.pending, CheckStatus.checking]))
        .order_by(col(KataVersion.id))
    ).all()
    return [version_id for version_id in ids if version_id is not None]


def _mirror(session: Session, authored: AuthoredKata, files: dict[str, str]) -> None:
    """The kata's row in the `kata` table, so submissions and attempt items can point at it."""
    draft = from_files(files)
    row = session.get(Kata, authored.kata_id) or Kata(
        id=authored.kata_id, title=draft.title, difficulty=draft.difficulty
    )
    row.title = draft.title
    row.topics = list(draft.topics)
    row.difficulty = draft.difficulty
    row.owner_id = authored.owner_id
    row.removed_at = None
    session.add(row)


def _syntax_problems(files: dict[str, str]) -> list[Problem]:
    problems = []
    for path, text in sorted(files.items()):
        if not path.endswith(".py"):
            continue
        if path.startswith("wrong/") and expected_verdict(text) == "error":
            continue  # a wrong solution may be meant not to compile
        if path not in _COMPILED and not path.startswith(("wrong/", "right/")):
            continue
        try:
            compile(text, path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            problems.append(_problem(path, exc.lineno, f"syntax error: {exc.msg}"))
        except ValueError as exc:  # a NUL byte
            problems.append(_problem(path, None, str(exc)))
    return problems


def _locate(message: str, files: dict[str, str]) -> Problem:
    """The file and line a check problem is about, found from the names it mentions."""
    for test in _TEST_NAME.findall(message):
        for path in _TEST_FILES:
            line = _def_line(files.get(path, ""), test)
            if line is not None:
                return _problem(path, line, message)
    match = _LEADING_FILE.match(message)
    if match and match.group(1) in files:
        path = match.group(1)
        return _problem(path, 1 if path.startswith("wrong/") else None, message)
    return _problem(None, None, message)


def _def_line(source: str, name: str) -> int | None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return node.lineno
    return None


def _problem(path: str | None, line: int | None, message: str) -> Problem:
    return {"file": path, "line": line, "message": message}
