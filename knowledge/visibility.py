"""Who may see a restricted plan: the one rule every surface applies (see docs/SCHEMA.md, "Restricted plans").

A plan that is not restricted is visible to everyone. A restricted plan is visible:
- in a channel listed in its `visibility.channels` (what is posted there, everyone in it sees);
- in a private surface (a DM with the bot, the App Home tab, a digest, the update modal, an ephemeral reply to a
  button) of a person listed in its `visibility.people`;
- to the local operator (the command line: no audience).
Nothing else counts: leading or editing one of its actions does not make a plan visible to anyone. A plan that is
not visible is treated as not existing: it is never named, counted, listed or suggested.
"""

from __future__ import annotations

import dataclasses

from knowledge.lazydataclass import frozen_dataclass
from knowledge.models import KnowledgeBase, Plan


@frozen_dataclass
class Audience:
    """Who is asking and where, for plan visibility. None of these set: a local operator."""

    channel: str | None = None
    person: str | None = None
    is_dm: bool = False


def private(person: str | None) -> Audience:
    """The audience of something only `person` sees (DM, App Home, digest, modal, ephemeral reply to a button)."""
    return Audience(channel=None, person=person, is_dm=True)


def in_channel(channel: str | None) -> Audience:
    """The audience of something posted in `channel` for everyone in it."""
    return Audience(channel=channel, person=None, is_dm=False)


def may_see(plan: Plan, audience: Audience | None) -> bool:
    """True when `audience` may learn anything about `plan` (see the module docstring)."""
    if audience is None or not plan.visibility.restricted:
        return True
    if audience.channel and not audience.is_dm and audience.channel in plan.visibility.channels:
        return True
    return audience.is_dm and audience.person is not None and audience.person in plan.visibility.people


def visible_kb(kb: KnowledgeBase, audience: Audience | None) -> KnowledgeBase:
    """The knowledge base as `audience` may see it: the plans it may not see left out (for drafts and listings)."""
    plans = {pid: plan for pid, plan in kb.plans.items() if may_see(plan, audience)}
    return kb if len(plans) == len(kb.plans) else dataclasses.replace(kb, plans=plans)
