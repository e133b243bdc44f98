"""Who is asking and where: the Audience the engine filters restricted plans by."""

from __future__ import annotations

from knowledge.engine import Audience, Engine


def is_dm_channel(channel: str | None, channel_type: str | None = None, channel_name: str | None = None) -> bool:
    """True for a direct message: channel_type "im", the slash-command name "directmessage", or a D... id."""
    if channel_type is not None:
        return channel_type == "im"
    if channel_name is not None:
        return channel_name == "directmessage"
    return bool(channel) and str(channel).startswith("D")


def audience(channel: str | None, is_dm: bool, person: str | None = None) -> Audience:
    """The Audience for a question asked in `channel` (a DM counts its person, a channel never does)."""
    return Audience(channel=channel, person=person if is_dm else None, is_dm=is_dm)


def needs_person(engine: Engine) -> bool:
    """True when some plan is restricted to named people, so a DM must resolve who is asking."""
    return any(p.visibility.restricted and p.visibility.people for p in engine.kb.plans.values())


def home_audience(person: str | None) -> Audience:
    """The App Home tab is private to its user: it sees what a DM with that person would."""
    return Audience(channel=None, person=person, is_dm=True)
