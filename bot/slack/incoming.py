"""Turn Slack message markup into the plain question the engine reads."""

from __future__ import annotations

import re

_USER = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
_LINK = re.compile(r"<(?:https?|mailto):[^|>]*\|([^>]*)>|<((?:https?|mailto):[^>]*)>")
_SPECIAL = re.compile(r"<![^>]*>")


def question_text(text: str | None) -> str:
    """Mentions and specials dropped, channels and links as their labels, Slack's &amp; &lt; &gt; undone."""
    text = _USER.sub(" ", text or "")
    text = _CHANNEL.sub(lambda m: "#" + m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2).removeprefix("mailto:"), text)
    text = _SPECIAL.sub(" ", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())
