"""The rules that recognise what a question asks: intent patterns and the shapes of ids and windows."""

from __future__ import annotations

import re


def _rx(*alternatives: str) -> re.Pattern[str]:
    """A pattern matching any of the alternatives as whole words."""
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b")


INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("help", re.compile(r"^(help|\?|hi|hello|commands|what can you (do|answer)|how do i use)\b")),
    ("history", _rx("history", "audit", "who changed", "changes to")),
    (
        "contact",
        _rx("contact", "email", "e mail", "phone", "telephone", "number for", "call", "get in touch", "enquiries"),
    ),
    ("agenda", _rx("agenda", "on the papers")),
    (
        "resolution",
        _rx(
            "resolve",
            "resolved",
            "resolution",
            "resolutions",
            "decide",
            "decided",
            "decision",
            "decisions",
            r"\d{4} \d{3}",
        ),
    ),
    ("chair", _rx("chair", "chairs", "chaired", "chairman", "chairperson", "chairwoman")),
    (
        "meeting",
        _rx(
            "next meet",
            "meet next",
            "meeting",
            "meets",
            r"when does the \w+ meet",
            r"next (\w+ ){0,3}(panel|committee|board)",
            r"when is the (\w+ ){0,3}(panel|committee)",
        ),
    ),
    ("sponsor", _rx("sponsor", "sponsors", "sponsored", "author", "presenting", "who presents")),
    ("overdue", _rx("overdue", "late", "behind", "past due", "missed", "slipped", "outstanding")),
    (
        "due-soon",
        _rx(
            "due soon",
            "coming up",
            "upcoming",
            "this month",
            "next month",
            "this week",
            r"next (few )?(\d+ )?(days?|weeks?|months?)",
        ),
    ),
    ("stale", _rx("stale", "no updates?", "not (been )?updated", "gone quiet", "without (an )?update")),
    (
        "lead",
        _rx(
            r"who (leads|is leading|is the lead|owns|is responsible|s responsible|is accountable)",
            r"who (is|s) in charge",
            "in charge of",
            "lead (for|of|on)",
            "responsible for",
            "owner of",
            "who is on",
        ),
    ),
    ("due", _rx("when", "due", "deadline", "timescale", "timeline", "date", "by when")),
    (
        "status",
        _rx(
            "status",
            "progress",
            "update",
            "how is",
            "how are",
            "where are we",
            "done",
            "complete",
            "finished",
            "latest",
        ),
    ),
    (
        "portfolio",
        _rx(
            r"what (does|do|is|are|has)\b.*\b(lead|leading|on|down for|responsible for|got|own|doing)",
            "portfolio",
            "actions for",
            "actions of",
            "workload",
        ),
    ),
    ("topic", _rx("actions? (on|about|for|re|regarding)", "anything (on|about)", "about", "search", "find")),
)
ACTION_WORD_ID = re.compile(r"\baction\s*(?:no\.?\s*)?([a-z]{0,4}\s?\d{1,3}(?:\.\d{1,2})?(?:\s?[a-z](?![a-z]))?)")
BARE_ID = re.compile(r"(?<![\w/.])([a-z]{0,4}\d{1,3}(?:\.\d{1,2})?[a-z]?)(?![\w/])")
AGENDA_NO = re.compile(r"\b(?:agenda )?item\s*(?:no\.?\s*)?(\d{1,2})\b")
WINDOW_DAYS = re.compile(r"next (\d{1,3}) (day|week|month)s?")
NAMED_PERSON = re.compile(
    r"\bwhat (?:does|do|is|are|has) ([a-z][a-z ]+?) (?:lead|leading|on|down for|got|responsible for|own|doing)\b"
)
PRONOUN = re.compile(r"\b(it|that|this|its|them|those)\b")
