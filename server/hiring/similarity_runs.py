"""Similarity runs: the background job that fingerprints final kata code once and flags pairs.

An attempt's code is final once it is submitted (by the candidate, or at its deadline); then
the attempt engine asks the queue for a run of that attempt (`enqueue_similarity`), which the
embedded queue's threads or a `katabank worker` take up like a grading. A run stores a
fingerprint (less the kata's starter and reference) for every final kata answer of the
attempt's assessment that has none yet, and flags each pair of a new print and another print
of the same kata that look alike. A pair of prints stored earlier was compared by the run that
stored the later of the two, so its flag stands. Pages only read: `flags_of` and `pending`.

A run that finds nothing to fingerprint returns at once and writes nothing. Otherwise it makes
its prints and compares them with those already stored without any lock, then takes the
assessment's write lock (an UPDATE of its row: SQLite's database-wide write lock, a row lock
on Postgres), so that runs for one assessment store one after the other. Under the lock it
stores only the prints no other run stored meanwhile, compares them with the prints stored
since it looked (by the runs that held the lock in between: usually none), and writes the
flags. So when two runs at once each store one print, the second to take the lock compares
the pair; and a second run of an attempt (a job retried after its worker died, say) finds
nothing new and does no harm.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from graders import Kata
from server.attempts.models import Attempt, AttemptItem, AttemptState, ItemKind
from server.hiring import similarity
from server.hiring.models import Assessment, Invitation, ItemFingerprint, SimilarityFlag

__all__ = ["FLAG_AT", "flags_of", "pending", "prints_of", "run", "unfinished"]

#: Pairs at or above this similarity (and long enough to judge) are flagged for review.
FLAG_AT: Final = 0.8
#: Attempts whose code is final, and so compared.
_FINAL: Final = (AttemptState.submitted, AttemptState.graded)


@dataclass(frozen=True, slots=True)
class _Print:
    """The fingerprint of one final kata answer, and whose answer to which kata it is."""

    invitation_id: int
    kata_id: str
    fingerprint: similarity.Fingerprint


def run(
    attempt_id: int,
    *,
    engine: Engine,
    katas: Mapping[str, Kata],
    versions: Callable[[int], Kata | None] | None = None,
) -> int:
    """Fingerprint what the attempt's assessment lacks, flag the new pairs; how many it stored.

    An answer to an authored kata is stripped of the starter and reference of the version the
    attempt froze, found by `versions` (WithLive.version), not of the version live now.
    """
    with Session(engine) as session:
        return _run(session, attempt_id, katas, versions)


def _run(
    session: Session,
    attempt_id: int,
    katas: Mapping[str, Kata],
    versions: Callable[[int], Kata | None] | None,
) -> int:
    assessment_id = session.exec(
        select(Invitation.assessment_id).where(Invitation.attempt_id == attempt_id)
    ).first()
    if assessment_id is None:  # not a hiring attempt, or its candidate was deleted
        return 0
    unprinted = _unprinted(session, assessment_id)
    seen = _stored(session, assessment_id) if unprinted else {}
    session.commit()
    made = {
        item.id: _Print(invitation_id, item.kata_id or "", _fingerprint(item, katas, versions))
        for item, invitation_id in unprinted
        if item.id is not None and item.id not in seen
    }
    if not made:
        return 0
    return _store(session, assessment_id, made, seen, _similar(made, {**seen, **made}))


def _store(
    session: Session,
    assessment_id: int,
    made: Mapping[int, _Print],
    seen: Mapping[int, _Print],
    found: Mapping[tuple[int, int], float],
) -> int:
    """Under the assessment's lock, store the prints `made` that no run stored since `seen`
    was read, and flag their pairs `found` and those with the prints stored since."""
    # The transaction's first statement, so that what follows reads what the runs before this
    # one stored (SQLite's snapshot starts here; Postgres reads each statement afresh).
    session.connection().execute(
        update(Assessment).where(col(Assessment.id) == assessment_id).values(id=Assessment.id)
    )
    unprinted = {item.id for item, _ in _unprinted(session, assessment_id)}
    ours = {item_id: printed for item_id, printed in made.items() if item_id in unprinted}
    since_ids = _stored_ids(session, assessment_id) - seen.keys()
    since = _stored(session, assessment_id, only=since_ids) if since_ids and ours else {}
    # A print made here that another run stored meanwhile is that run's: it compared it.
    flagged = {
        items: score for items, score in found.items() if all(i in ours or i in seen for i in items)
    }
    flagged |= _similar(ours, since)
    for item_id, printed in ours.items():
        session.add(
            ItemFingerprint(
                item_id=item_id, kata_id=printed.kata_id, hashes=printed.fingerprint.rows()
            )
        )
    _flag(session, assessment_id, flagged, {**seen, **since, **ours})
    session.commit()
    return len(ours)


def _fingerprint(
    item: AttemptItem,
    katas: Mapping[str, Kata],
    versions: Callable[[int], Kata | None] | None,
) -> similarity.Fingerprint:
    printed = similarity.fingerprint(item.answer)
    if item.kata_version_id is not None and versions is not None:
        kata = versions(item.kata_version_id)
    else:
        kata = katas.get(item.kata_id or "")
    if kata is None:  # a kata no longer in the catalog: nothing known to discount
        return printed
    return printed.without(_boilerplate(kata.starter, kata.reference))


@lru_cache(maxsize=64)
def _boilerplate(starter: str, reference: str) -> tuple[similarity.Fingerprint, ...]:
    """The prints of what a kata gives and expects, kept by their text (a changed kata gets
    new ones): every answer to the kata is stripped of the same."""
    return similarity.fingerprint(starter), similarity.fingerprint(reference)


def _similar(new: Mapping[int, _Print], old: Mapping[int, _Print]) -> dict[tuple[int, int], float]:
    """Each pair of a print in `new` and one in `old`, of one kata by two candidates, that
    reaches FLAG_AT: its similarity by the pair's item ids (the lower first)."""
    found = {}
    for x, x_print in new.items():
        for y, y_print in old.items():
            if y in new and y <= x:
                continue  # each pair of new prints once, and no print with itself
            if x_print.kata_id != y_print.kata_id or x_print.invitation_id == y_print.invitation_id:
                continue
            result = similarity.compare_prints(x_print.fingerprint, y_print.fingerprint)
            if result.comparable and result.similarity >= FLAG_AT:
                found[min(x, y), max(x, y)] = result.similarity
    return found


def _flag(
    session: Session,
    assessment_id: int,
    found: Mapping[tuple[int, int], float],
    prints: Mapping[int, _Print],
) -> None:
    """Flag the candidates of each pair of items found alike.

    A person confirms or dismisses each flag; a flag already reviewed keeps its status.
    """
    existing = {
        (flag.kata_id, flag.a_id, flag.b_id): flag
        for flag in session.exec(
            select(SimilarityFlag).where(SimilarityFlag.assessment_id == assessment_id)
        ).all()
    }
    for (x, y), score in found.items():
        ids = sorted((prints[x].invitation_id, prints[y].invitation_id))
        key = (prints[x].kata_id, ids[0], ids[1])
        flag = existing.get(key) or SimilarityFlag(
            assessment_id=assessment_id, kata_id=key[0], a_id=key[1], b_id=key[2], similarity=0
        )
        # One candidate may have answered the kata twice: the closer pair speaks for them.
        flag.similarity = max(flag.similarity, round(score, 4))
        existing[key] = flag
        session.add(flag)


def _final_items(assessment_id: int, *columns: Any) -> Any:  # sqlmodel's select is typed per arity
    """The select of `columns` for every final kata answer of the assessment."""
    return (
        select(*columns)
        .select_from(AttemptItem)
        .join(Attempt, col(Attempt.id) == col(AttemptItem.attempt_id))
        .join(Invitation, col(Invitation.attempt_id) == col(Attempt.id))
        .where(
            Invitation.assessment_id == assessment_id,
            col(Attempt.state).in_(_FINAL),
            AttemptItem.kind == ItemKind.kata,
        )
    )


def _unprinted(session: Session, assessment_id: int) -> list[tuple[AttemptItem, int]]:
    """The final kata answers with no stored print yet, each with its invitation's id."""
    missing = (
        _final_items(assessment_id, AttemptItem, Invitation.id)
        .outerjoin(ItemFingerprint, col(ItemFingerprint.item_id) == col(AttemptItem.id))
        .where(col(ItemFingerprint.item_id).is_(None))
    )
    return [(item, invitation_id) for item, invitation_id in session.exec(missing).all()]


def _stored_ids(session: Session, assessment_id: int) -> set[int]:
    printed = _final_items(assessment_id, AttemptItem.id).join(
        ItemFingerprint, col(ItemFingerprint.item_id) == col(AttemptItem.id)
    )
    return set(session.exec(printed).all())


def _stored(
    session: Session, assessment_id: int, *, only: Collection[int] | None = None
) -> dict[int, _Print]:
    """The stored prints of the assessment (or of the items `only`), by item id."""
    printed = _final_items(
        assessment_id,
        AttemptItem.id,
        Invitation.id,
        ItemFingerprint.kata_id,
        ItemFingerprint.hashes,
    ).join(ItemFingerprint, col(ItemFingerprint.item_id) == col(AttemptItem.id))
    if only is not None:
        printed = printed.where(col(AttemptItem.id).in_(only))
    return {
        item_id: _Print(invitation_id, kata_id, similarity.Fingerprint.from_rows(hashes))
        for item_id, invitation_id, kata_id, hashes in session.exec(printed).all()
    }


def flags_of(*, session: Session, assessment: Assessment) -> list[SimilarityFlag]:
    """The assessment's stored flags, most similar first."""
    flags = session.exec(
        select(SimilarityFlag).where(SimilarityFlag.assessment_id == assessment.id)
    ).all()
    return sorted(flags, key=lambda flag: (-flag.similarity, flag.id or 0))


def pending(*, session: Session, assessment: Assessment) -> bool:
    """Whether some final kata code of the assessment still waits for its similarity run."""
    return bool(assessment.id) and bool(_unprinted(session, assessment.id or 0))


def unfinished(*, session: Session) -> list[int]:
    """Attempts with final kata code no run has fingerprinted (cut short, or from before runs)."""
    missing = (
        select(Attempt.id)
        .distinct()
        .join(AttemptItem, col(AttemptItem.attempt_id) == col(Attempt.id))
        .join(Invitation, col(Invitation.attempt_id) == col(Attempt.id))
        .outerjoin(ItemFingerprint, col(ItemFingerprint.item_id) == col(AttemptItem.id))
        .where(
            col(Attempt.state).in_(_FINAL),
            AttemptItem.kind == ItemKind.kata,
            col(ItemFingerprint.item_id).is_(None),
        )
    )
    return [attempt_id for attempt_id in session.exec(missing).all() if attempt_id is not None]


def prints_of(
    *, session: Session, flag: SimilarityFlag
) -> tuple[similarity.Fingerprint, similarity.Fingerprint]:
    """The stored fingerprints of both sides of a flag, to mark the regions they share."""
    sides = []
    for invitation_id in (flag.a_id, flag.b_id):
        stored = session.exec(
            select(ItemFingerprint)
            .join(AttemptItem, col(AttemptItem.id) == col(ItemFingerprint.item_id))
            .join(Invitation, col(Invitation.attempt_id) == col(AttemptItem.attempt_id))
            .where(Invitation.id == invitation_id, ItemFingerprint.kata_id == flag.kata_id)
        ).first()
        sides.append(similarity.Fingerprint.from_rows(stored.hashes if stored else []))
    return sides[0], sides[1]
