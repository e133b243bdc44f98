"""Make knowledge-base text safe to place in Markdown and in Word's XML."""

from __future__ import annotations

import operator
import re
import string

# A placeholder left to the author, "[like this]" in a template, travels through Markdown between these
# private-use characters (blocks.py marks it, the writer highlights it and comments on it); data never carries them.
PLACEHOLDER_START, PLACEHOLDER_END = "\ue000", "\ue001"
# C0 and C1 control characters, and code points XML 1.0 cannot carry (lone surrogates, U+FFFE, U+FFFF).
# Also U+E000 and U+E001, the private-use marks of a template's placeholders (blocks.py), so data never fakes one.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ue000\ue001]")
_PUNCTUATION_SET = frozenset(string.punctuation)
_GROUP_1 = operator.itemgetter(1)
_ESCAPED = re.compile("\\\\([" + re.escape(string.punctuation) + "])")


def strip_control(text: str) -> str:
    """Return `text` without control characters or code points that XML 1.0 forbids (tabs and newlines stay)."""
    return _CONTROL.sub("", text)


def clean(text: str) -> str:
    """Return `text` on one line: control characters removed, every run of whitespace made one space."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # nothing to do (the usual case): every character _CONTROL removes and every whitespace
        # character but the space is unprintable to Python, and no space is doubled or at an end
        return text
    return " ".join(strip_control(text).split())


def md_escape(text: str) -> str:
    """Return `text` cleaned and with every ASCII punctuation character backslash-escaped.

    CommonMark lets any ASCII punctuation be escaped, and an escaped character always renders as
    itself: the result can start no list, heading, table cell, link, emphasis, HTML or entity, so a
    value from the knowledge base renders literally wherever a template puts it.
    """
    text = clean(text)
    present = _PUNCTUATION_SET.intersection(text)
    if "\\" in present:  # first, so the backslashes added below are not doubled
        text = text.replace("\\", "\\\\")
    for char in present - {"\\"}:
        text = text.replace(char, "\\" + char)
    return text


def md_unescape(text: str) -> str:
    """Return `text` with backslash escapes of ASCII punctuation undone, as CommonMark reads them."""
    return _ESCAPED.sub(_GROUP_1, text)
