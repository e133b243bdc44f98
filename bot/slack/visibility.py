"""Who is asking and where: the Audience the engine filters restricted plans by."""

from __future__ import annotations

from knowledge.engine import Engine
from knowledge.models import KnowledgeBase
from knowledge.visibility import Audience, may_see, private


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
    return private(person)


def person_may_see(kb: KnowledgeBase, plan_id: str, person: str | None) -> bool:
    """Whether `person` may see plan `plan_id` in a private surface (buttons, the update modal, /actions update).

    An unknown plan id is False: to a person who may not see a plan it does not exist, and the reverse holds.
    """
    plan = kb.plans.get(plan_id)
    return plan is not None and may_see(plan, private(person))


def visible_plan_ids(kb: KnowledgeBase, audience: Audience | None) -> list[str]:
    """The ids of the plans `audience` may see, sorted (for error messages and suggestions)."""
    return sorted(pid for pid, plan in kb.plans.items() if may_see(plan, audience))
