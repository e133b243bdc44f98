"""Slack markup in questions."""

from __future__ import annotations

import pytest

from bot.slack.incoming import question_text


@pytest.mark.parametrize(
    ("raw", "question"),
    [
        ("<@U0BOT> who leads action 7a?", "who leads action 7a?"),
        ("<@U0BOT|actionbot>   what is   overdue", "what is overdue"),
        (
            "status in <#C123|safeguarding> &amp; <https://example.org/plan|the plan>",
            "status in #safeguarding & the plan",
        ),
        ("email <mailto:ann@example.org|ann@example.org> <!here>", "email ann@example.org"),
        ("a &lt;b&gt; c <https://x.org>", "a <b> c https://x.org"),
        (None, ""),
    ],
)
def test_question_text(raw: str | None, question: str) -> None:
    assert question_text(raw) == question
