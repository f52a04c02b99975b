"""Similarity runs: the background job that fingerprints final kata code once and flags pairs.

An attempt's code is final once it is submitted (by the candidate, or at its deadline); then
the attempt engine asks the queue for a run of that attempt (`enqueue_similarity`), which the
embedded queue's threads or a `katabank worker` take up like a grading. A run stores a
fingerprint (less the kata's starter and reference) for every final kata answer of the
attempt's assessment that has none yet, then compares the stored ones and updates the
assessment's flags. Pages only read: `flags_of` and `pending` (a run is still to come).

A second run of the same attempt fingerprints nothing and leaves the flags as they are, so a
job retried after its worker died, or two runs at once, do no harm.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
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


def run(attempt_id: int, *, engine: Engine, katas: Mapping[str, Kata]) -> int:
    """Fingerprint what the attempt's assessment lacks, update its flags; how many were stored."""
    with Session(engine) as session:
        return _run(session, attempt_id, katas)


def _run(session: Session, attempt_id: int, katas: Mapping[str, Kata]) -> int:
    assessment_id = session.exec(
        select(Invitation.assessment_id).where(Invitation.attempt_id == attempt_id)
    ).first()
    if assessment_id is None:  # not a hiring attempt, or its candidate was deleted
        return 0
    # Fingerprinting takes a while: do it before taking the lock, store it under the lock.
    made = {
        item.id: (item.kata_id or "", _fingerprint(item, katas))
        for item in _unprinted(session, assessment_id)
        if item.id is not None
    }
    session.commit()
    # The first write of the transaction: SQLite's write lock, a row lock on Postgres. Runs for
    # one assessment wait for each other here, so each sees what the one before stored.
    session.connection().execute(
        update(Assessment).where(col(Assessment.id) == assessment_id).values(id=Assessment.id)
    )
    stored = 0
    for item in _unprinted(session, assessment_id):
        if item.id in made:
            kata_id, printed = made[item.id]
            session.add(ItemFingerprint(item_id=item.id, kata_id=kata_id, hashes=printed.rows()))
            stored += 1
    session.flush()
    _update_flags(session, assessment_id)
    session.commit()
    return stored


def _fingerprint(item: AttemptItem, katas: Mapping[str, Kata]) -> similarity.Fingerprint:
    printed = similarity.fingerprint(item.answer)
    kata = katas.get(item.kata_id or "")
    if kata is None:  # a kata no longer in the catalog: nothing known to discount
        return printed
    boilerplate = [similarity.fingerprint(kata.starter), similarity.fingerprint(kata.reference)]
    return printed.without(boilerplate)


def _final_items(assessment_id: int) -> Any:  # sqlmodel's Select types lose add_columns
    """The select of every final kata answer of the assessment, with its invitation's id."""
    return (
        select(AttemptItem, Invitation.id)
        .join(Attempt, col(Attempt.id) == col(AttemptItem.attempt_id))
        .join(Invitation, col(Invitation.attempt_id) == col(Attempt.id))
        .where(
            Invitation.assessment_id == assessment_id,
            col(Attempt.state).in_(_FINAL),
            AttemptItem.kind == ItemKind.kata,
        )
    )


def _unprinted(session: Session, assessment_id: int) -> list[AttemptItem]:
    missing = (
        _final_items(assessment_id)
        .outerjoin(ItemFingerprint, col(ItemFingerprint.item_id) == col(AttemptItem.id))
        .where(col(ItemFingerprint.item_id).is_(None))
    )
    return [item for item, _ in session.exec(missing).all()]


def _update_flags(session: Session, assessment_id: int) -> None:
    """Flag every pair of candidates whose stored prints for one kata reach FLAG_AT.

    A person confirms or dismisses each flag; a flag already reviewed keeps its status.
    """
    rows = session.exec(
        _final_items(assessment_id)
        .add_columns(ItemFingerprint)
        .join(ItemFingerprint, col(ItemFingerprint.item_id) == col(AttemptItem.id))
        .order_by(col(Invitation.id))
    ).all()
    by_kata: dict[str, list[tuple[int, similarity.Fingerprint]]] = {}
    for _, invitation_id, stored in rows:
        printed = similarity.Fingerprint.from_rows(stored.hashes)
        by_kata.setdefault(stored.kata_id, []).append((invitation_id or 0, printed))
    existing = {
        (flag.kata_id, flag.a_id, flag.b_id): flag
        for flag in session.exec(
            select(SimilarityFlag).where(SimilarityFlag.assessment_id == assessment_id)
        ).all()
    }
    for kata_id, prints in by_kata.items():
        for (a_id, a_print), (b_id, b_print) in itertools.combinations(prints, 2):
            result = similarity.compare_prints(a_print, b_print)
            if not result.comparable or result.similarity < FLAG_AT:
                continue
            flag = existing.get((kata_id, a_id, b_id)) or SimilarityFlag(
                assessment_id=assessment_id, kata_id=kata_id, a_id=a_id, b_id=b_id, similarity=0
            )
            flag.similarity = round(result.similarity, 4)
            session.add(flag)


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
