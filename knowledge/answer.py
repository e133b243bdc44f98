"""The structured answer every surface renders its own way."""

from __future__ import annotations

from dataclasses import field

from knowledge.lazydataclass import frozen_dataclass
from knowledge.models import Source


@frozen_dataclass
class Subject:
    """What an answer was about, so that "it" in a follow-up question can mean it."""

    kind: str  # "action" | "person" | "role" | "work" | "agenda"
    keys: tuple[str, ...]  # action: (plan, id); person: (id,); work: (committee, title); agenda: (committee, date, n)

    @classmethod
    def action(cls, plan: str, action_id: str) -> Subject:
        return cls("action", (plan, action_id))


@frozen_dataclass
class Item:
    """One thing an answer is about: an action, a milestone, a meeting, a person..."""

    kind: str
    title: str
    lines: tuple[str, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)
    source: Source | None = None
    ref: tuple[str, str] | None = None  # (plan id, action id) for actions and their milestones


@frozen_dataclass
class Answer:
    """What the engine says: a headline, items, suggestions, notes and sources."""

    kind: str
    text: str
    items: tuple[Item, ...] = ()
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    subject: Subject | None = None  # what "it" means in a follow-up question
    total: int | None = None  # items in the whole answer when `items` is one page of it
    more: str | None = None  # the question that asks for the next page

    @property
    def count(self) -> int:
        """How many items the whole answer has (more than len(items) when paged)."""
        return self.total if self.total is not None else len(self.items)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The distinct sources of the items, in order."""
        seen: dict[tuple[str, str], Source] = {}
        for item in self.items:
            if item.source is not None:
                seen.setdefault((item.source.seed, item.source.quote), item.source)
        return tuple(seen.values())

    def to_dict(self) -> dict:
        """Plain data for --json and logs."""
        return {
            "kind": self.kind,
            "text": self.text,
            "items": [
                {
                    "kind": i.kind,
                    "title": i.title,
                    "lines": list(i.lines),
                    "fields": dict(i.fields),
                    "ref": list(i.ref) if i.ref else None,
                    "source": _source(i.source),
                }
                for i in self.items
            ],
            "total": self.count,
            "more": self.more,
            "suggestions": list(self.suggestions),
            "notes": list(self.notes),
            "sources": [_source(s) for s in self.sources],
        }


def _source(source: Source | None) -> dict | None:
    if source is None:
        return None
    return {"seed": source.seed, "quote": source.quote, "location": source.location}
