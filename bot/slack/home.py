"""The App Home tab: "Your actions" for the Slack user, grouped overdue / due soon / others."""

from __future__ import annotations

import datetime as dt
import logging

from bot.slack import blocks, dedupe, identity
from bot.slack.deps import Deps
from bot.slack.sdk import App, WebClient
from bot.slack.visibility import home_audience
from knowledge import describe, facts
from knowledge.answer import Item
from knowledge.engine import Engine

log = logging.getLogger(__name__)
DUE_SOON_DAYS = 30
GROUPS = ("Overdue", "Due soon", "Others")


def your_actions(engine: Engine, person: str, today: dt.date) -> tuple[list[tuple[str, list[Item]]], bool]:
    """The person's actions (led in person or through a role they hold), grouped; and whether any plan was hidden."""
    kb = engine.kb
    refs = [person, *(r.id for r in kb.roles_held(person))]
    led = {a.key: a for ref in refs for a in engine.by_lead.get(ref, [])}
    viewer = home_audience(person)
    hidden = any(not engine.visible(plan_id, viewer) for plan_id in kb.plans)
    grouped: dict[str, list[tuple[dt.date, Item]]] = {g: [] for g in GROUPS}
    for action in led.values():
        if not engine.visible(action.plan, viewer):
            continue
        state = facts.derive(action, today)
        due = state.due
        if state.late:
            group = "Overdue"
        elif facts.is_due_soon(due, state.status, today, DUE_SOON_DAYS) or facts.milestones_due_soon(
            action, today, DUE_SOON_DAYS
        ):
            group = "Due soon"
        else:
            group = "Others"
        grouped[group].append((due.date if due else dt.date.max, describe.action_item(kb, action, today)))
    return [(g, [item for _, item in sorted(grouped[g], key=lambda pair: pair[0])]) for g in GROUPS], hidden


def home_for(slack_user: str, engine: Engine, person: str | None, today: dt.date) -> dict:
    """The Home view for a Slack user already resolved (or not) to a person."""
    if person is None or person not in engine.kb.people:
        return blocks.home_view(None, [], today, slack_user)
    groups, _ = your_actions(engine, person, today)  # nothing says that plans this person may not see exist
    return blocks.home_view(engine.kb.people[person].name, groups, today, slack_user)


def handle_home_opened(event: dict, client: WebClient, deps: Deps) -> None:
    """Publish "Your actions" when the user opens the Home tab."""
    if event.get("tab", "home") != "home":
        return
    user = event["user"]
    engine = deps.holder.engine
    person = identity.resolve(user, engine.kb, client, deps.state)
    client.views_publish(user_id=user, view=home_for(user, engine, person, deps.today()))


def register(app: App, deps: Deps) -> None:
    """Wire the app_home_opened listener."""

    @app.event("app_home_opened")
    def on_app_home_opened(body: dict, event: dict, client: WebClient) -> None:
        if dedupe.first_delivery(body, deps.state):
            handle_home_opened(event, client, deps)
