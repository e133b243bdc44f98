"""Who wrote a document the papers carry whole, as its own title page says ("Report Author: ...").

"who wrote the city safeguarding partnership annual report 2019/20": the paper whose title holds every
distinctive word of the question, and the author line printed in it, quoted. None when no single paper fits
or the paper prints no author line (other answers, or an honest "not sure", follow).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge import reply as r
from knowledge.answer import Answer
from knowledge.answers_papers import allowed_papers, passage_item
from knowledge.describe import short
from knowledge.lazyre import lazy
from knowledge.registry import ASKS_AUTHOR
from knowledge.text import ABBREVIATIONS, content_words

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.models import Paper
    from knowledge.query import Query

_AUTHOR_LINE = lazy(r"\b(?:Report )?Author(?:s)?:\s*([A-Z][^.;:\n]{2,80}?)(?=\s*(?:$|[.;\n]|[A-Z][a-z]+:))")
_ASKING = frozenset(
    content_words(
        "who wrote write written writes author authors authored whose report paper document the of by actually really "
        "originally"
    )
)


def paper_author(q: Query, e: Engine) -> Answer | None:
    """The author line of the one paper the question names by its title's words."""
    if not ASKS_AUTHOR.search(q.folded):
        return None
    words = {w for w in content_words(q.raw) if w not in _ASKING}
    if not words:
        return None
    allowed = allowed_papers(q, e)
    fits = [
        p
        for p in e.kb.papers.values()
        if (allowed is None or p.id in allowed) and _holds(set(content_words(p.title)), words)
    ]
    if len(fits) != 1:
        return None
    return _author_of(q, fits[0])


def _holds(title: set[str], words: set[str]) -> bool:
    return all(_held(title, w) for w in words)


def _held(title: set[str], word: str) -> bool:
    """A title holds a word: as written, as a word's start, or spelled out ("ncscp", "hsb")."""
    if word in title or any(t.startswith(word) or word.startswith(t) for t in title if len(t) >= 4):
        return True
    spelled = ABBREVIATIONS.get(word)
    return spelled is not None and all(_held(title, w) for w in content_words(spelled) if w != word)


def _author_of(q: Query, paper: Paper) -> Answer | None:
    for passage in paper.passages:
        m = _AUTHOR_LINE.search(passage.text)
        if m is None:
            continue
        name = m.group(1).strip()
        shown = passage_item(paper, passage, short(passage.text, 200), short(m.group(0), 120))
        text = f"{paper.title}: the report author is {name}, as its {passage.location.split(',')[0]} says."
        return r.answer_of(q, "report", text, [shown])
    return None
