"""Sets of items: what an attempt is taken over, and how a mock interview composes its own.

An item is plain data (`ItemSpec`): a conceptual question or a kata, with points, an optional
section and an optional time hint. A mock builds its set per attempt from a `MockPlan`;
a manager's curated set hands the engine the same `ItemSpec`s, and `attempts.start` freezes
them into the attempt.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Final

from graders.spec import DIFFICULTIES
from server.attempts.models import ItemKind
from server.catalog import Catalog

__all__ = [
    "CONCEPT_POINTS",
    "KATA_POINTS",
    "MAX_ITEMS",
    "MAX_MINUTES",
    "PRESETS",
    "ItemSpec",
    "MockPlan",
    "PlanError",
    "Preset",
    "compose",
    "known_topics",
]

MAX_MINUTES: Final = 180
MAX_ITEMS: Final = 20
CONCEPT_POINTS: Final = 1.0
# A kata is worth more: it takes several times as long as explaining a concept.
KATA_POINTS: Final = 2.0


class PlanError(ValueError):
    """A mock cannot be built as asked; the message names the field and says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class ItemSpec:
    kind: ItemKind
    ref_id: str
    points: float = 1.0
    section: str | None = None
    time_hint_seconds: int | None = None


@dataclass(frozen=True)
class MockPlan:
    """What the user asked for; `focus_weak` picks the topics from their history instead."""

    minutes: int
    concepts: int
    katas: int
    topics: tuple[str, ...] = ()
    difficulty: str | None = None
    focus_weak: bool = False
    preset: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "minutes": self.minutes,
            "concepts": self.concepts,
            "katas": self.katas,
            "topics": list(self.topics),
            "difficulty": self.difficulty,
            "focus_weak": self.focus_weak,
            "preset": self.preset,
        }


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    minutes: int
    concepts: int
    katas: int
    topics: tuple[str, ...] = field(default=())

    def plan(self) -> MockPlan:
        return MockPlan(
            minutes=self.minutes,
            concepts=self.concepts,
            katas=self.katas,
            topics=self.topics,
            preset=self.key,
        )


PRESETS: Final = {
    preset.key: preset
    for preset in (
        Preset("ml-30", "30-minute ML concepts", 30, 6, 0, ("machine-learning", "deep-learning")),
        Preset("mixed-45", "45-minute mixed", 45, 4, 1),
        Preset("coding-60", "60-minute coding", 60, 0, 3),
    )
}


def known_topics(catalog: Catalog) -> set[str]:
    """Every topic of a question with key points or of a kata: what a plan may name."""
    topics = {t for doc in catalog.questions.values() if doc.key_points for t in doc.topics}
    return topics | {t for kata in catalog.katas.values() for t in kata.topics}


def compose(
    plan: MockPlan,
    *,
    catalog: Catalog,
    avoid: Collection[str] = (),
    rng: random.Random | None = None,
) -> list[ItemSpec]:
    """Concepts first, then katas, drawn at random from what matches; raises PlanError.

    Items in `avoid` (question or kata ids seen lately) are left out while enough others
    match; only questions with key points qualify, since nothing else can be scored.
    """
    check(plan, catalog=catalog)
    rng = rng or random.Random()
    wanted = set(plan.topics)

    def matches(topics: Sequence[str], difficulty: str) -> bool:
        return (not wanted or bool(wanted.intersection(topics))) and (
            plan.difficulty is None or difficulty == plan.difficulty
        )

    questions = sorted(
        doc.id
        for doc in catalog.questions.values()
        if doc.key_points and matches(doc.topics, doc.difficulty)
    )
    katas = sorted(k.id for k in catalog.katas.values() if matches(k.topics, k.difficulty))
    chosen_questions = _draw(rng, questions, plan.concepts, avoid, "concepts", plan)
    chosen_katas = _draw(rng, katas, plan.katas, avoid, "katas", plan)
    # A kata's expected time (kata.toml) is its time hint on the navigator.
    return [ItemSpec(ItemKind.concept, q, CONCEPT_POINTS) for q in chosen_questions] + [
        ItemSpec(
            ItemKind.kata,
            k,
            KATA_POINTS,
            time_hint_seconds=catalog.katas[k].expected_minutes * 60,
        )
        for k in chosen_katas
    ]


def check(plan: MockPlan, *, catalog: Catalog) -> None:
    """Raise PlanError for a length, count, topic or difficulty out of range."""
    if not 1 <= plan.minutes <= MAX_MINUTES:
        raise PlanError("minutes", f"minutes must be from 1 to {MAX_MINUTES}, not {plan.minutes}.")
    for name, count in (("concepts", plan.concepts), ("katas", plan.katas)):
        if count < 0:
            raise PlanError(name, f"{name} cannot be negative ({count}).")
    if plan.concepts + plan.katas == 0:
        raise PlanError("concepts", "A mock needs at least one item: ask for concepts or katas.")
    if plan.concepts + plan.katas > MAX_ITEMS:
        raise PlanError("concepts", f"A mock holds at most {MAX_ITEMS} items in all.")
    if plan.difficulty is not None and plan.difficulty not in DIFFICULTIES:
        raise PlanError(
            "difficulty",
            f"Unknown difficulty {plan.difficulty!r}; use one of {', '.join(DIFFICULTIES)}.",
        )
    unknown = sorted(set(plan.topics) - known_topics(catalog))
    if unknown:
        raise PlanError(
            "topics", f"Unknown topic{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}."
        )


def _draw(
    rng: random.Random,
    pool: list[str],
    count: int,
    avoid: Collection[str],
    name: str,
    plan: MockPlan,
) -> list[str]:
    if count > len(pool):
        where = f" on {', '.join(plan.topics)}" if plan.topics else ""
        level = f" at {plan.difficulty} difficulty" if plan.difficulty else ""
        raise PlanError(name, f"Only {len(pool)} {name} match{where}{level}; asked for {count}.")
    fresh = [item for item in pool if item not in avoid]
    if len(fresh) >= count:
        return rng.sample(fresh, count)
    stale = [item for item in pool if item in avoid]
    return fresh + rng.sample(stale, count - len(fresh))
