"""The topics a user chose to practise (none chosen: all) and the questions they cover."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from server.catalog import Catalog

__all__ = ["TopicChoice", "choose_topics"]


@dataclass(frozen=True)
class TopicChoice:
    """`topics` chosen, in the bank's order; `question_ids` None when the choice is everything."""

    topics: list[str] = field(default_factory=list)
    all_topics: list[str] = field(default_factory=list)
    question_ids: frozenset[str] | None = None


def choose_topics(catalog: Catalog, names: Iterable[str]) -> TopicChoice:
    """The bank's topics among `names` (unknown names are ignored) and their questions."""
    wanted = set(names)
    all_topics = catalog.topics()
    topics = [name for name in all_topics if name in wanted]
    if not topics:
        return TopicChoice(all_topics=all_topics)
    ids = frozenset(doc.id for doc in catalog.questions.values() if set(doc.topics) & wanted)
    return TopicChoice(topics=topics, all_topics=all_topics, question_ids=ids)
