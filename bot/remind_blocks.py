"""Block Kit for a weekly digest and the coordinators' summary: pure functions returning dicts."""

from __future__ import annotations

from collections.abc import Callable

from bot.slack.update_blocks import update_buttons
from knowledge.describe import id_phrase
from knowledge.digest import Composition, Digest, DigestItem

SECTION_TITLES = {"overdue": "Overdue", "due-soon": "Due in the next two weeks", "stale": "No update for 90+ days"}
MAX_BLOCKS = 50
MAX_TEXT = 3000


def _mrkdwn(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def item_words(item: DigestItem) -> tuple[str, str, str, str, str]:
    """(heading, due, text, latest, age): one item in the digest's words, unescaped; Slack and email share them."""
    kind = "milestone of " if item.milestone else ""
    age = f", {item.age_days} days ago" if item.age_days is not None else ""
    due = "no due date" if item.due == "no due date" else f"due {item.due}"
    return f"{item.plan_name}, {kind}{id_phrase(item.action)}", due, item.text, item.latest, age


def item_line(item: DigestItem) -> str:
    heading, due, text, latest, age = item_words(item)
    return f"*{_mrkdwn(heading)}* - {_mrkdwn(due)}\n{_mrkdwn(text)}\n_Latest: {_mrkdwn(latest)[:400]}{age}_"


def item_buttons(item: DigestItem) -> dict:
    return update_buttons(item.plan, item.action, f"{item.plan_name} {item.action}")


def fallback_text(digest: Digest) -> str:
    counts = ", ".join(
        f"{len(digest.section(s))} {SECTION_TITLES[s].lower()}" for s in SECTION_TITLES if digest.section(s)
    )
    return f"Your actions this week ({digest.week}): {counts}."


def digest_blocks(digest: Digest) -> list[dict]:
    """The digest as Block Kit: a header, then each section's items with buttons, within 50 blocks."""
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"Your actions this week ({digest.week})"[:150]}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "Reply `pause reminders` to stop these digests."}]},
    ]
    budget = MAX_BLOCKS - len(blocks) - 1
    shown = 0
    for section, title in SECTION_TITLES.items():
        items = digest.section(section)
        if not items or budget < 3:
            continue
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"*{title}* ({len(items)})"}})
        budget -= 1
        for item in items:
            if budget < 2:
                break
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": item_line(item)[:MAX_TEXT]}})
            blocks.append(item_buttons(item))
            budget -= 2
            shown += 1
    if shown < len(digest.items):
        more = len(digest.items) - shown
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": f"and {more} more - ask `/actions what is overdue for {_mrkdwn(digest.name)}`",
                    }
                ],
            }
        )
    return blocks


def summary_text(
    composition: Composition,
    unreachable: list[tuple[Digest, str]],
    sent: int,
    week: str,
    failed: list[tuple[Digest, str]] = (),  # type: ignore[assignment]
    visible: Callable[[str], bool] = lambda _plan: True,
) -> str:
    """The coordinators' summary: counts per plan, leads not reached (and why) and what they would have got.

    Only plans `visible` allows are counted or listed (the channel it is posted in may not see every plan).
    """
    missed = [
        (digest, why, [i for i in digest.items if visible(i.plan)])
        for digest, why in [*((d, f"not delivered: {w}") for d, w in failed), *unreachable]
    ]
    missed = [(digest, why, items) for digest, why, items in missed if items]
    lines = [f"*Weekly reminders {week}*: {sent} digest(s) sent, {len(missed)} lead(s) could not be reached."]
    for plan, counts in sorted(composition.per_plan.items()):
        if visible(plan):
            lines.append(
                f"- {plan}: {counts['overdue']} overdue, {counts['due-soon']} due soon, {counts['stale']} stale"
            )
    for digest, why, items in missed:
        lines.append(f"\n*{_mrkdwn(digest.name)}* ({_mrkdwn(why)}) would have been sent:")
        lines.extend(
            f"  - {SECTION_TITLES[i.section]}: {i.plan_name} {_mrkdwn(i.action)}"
            f"{' (milestone)' if i.milestone else ''} - due {_mrkdwn(i.due)}"
            for i in items
        )
    unassigned = [u for u in composition.unassigned if visible(u.item.plan)]
    if unassigned:
        lines.append(f"\n*{len(unassigned)} item(s) have no person to send to:*")
        lines.extend(
            f"  - {_mrkdwn(u.item.plan_name)} {_mrkdwn(u.item.action)} ({SECTION_TITLES[u.item.section]}): "
            f"lead {_mrkdwn(u.lead)}"
            for u in unassigned[:60]
        )
        if len(unassigned) > 60:
            lines.append(f"  ... and {len(unassigned) - 60} more")
    return "\n".join(lines)


def summary_blocks(text: str) -> list[dict]:
    """Split the summary into section blocks of at most 3,000 characters."""
    chunks, current = [], ""
    for line in text.split("\n"):
        if len(current) + len(line) + 1 > MAX_TEXT:
            chunks.append(current)
            current = ""
        current += line[:MAX_TEXT] + "\n"
    chunks.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": c.rstrip() or " "}} for c in chunks[:MAX_BLOCKS]]
