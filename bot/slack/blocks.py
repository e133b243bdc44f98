"""Pure Block Kit builders: an Answer (or a person's actions) as Slack message and view payloads."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from bot.slack.update_blocks import update_buttons
from knowledge import registry
from knowledge.answer import Answer, Item

MAX_BLOCKS = 50  # per message
MAX_VIEW_BLOCKS = 100  # per App Home view
SECTION_TEXT = 3000
HEADER_TEXT = 150
CONTEXT_TEXT = 3000
CONTEXT_ELEMENTS = 10
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
ACTION_ELEMENTS = 25
FALLBACK_TEXT = 3000
MAX_ITEMS = 20  # items shown in one message before "and N more"
MAX_SUGGESTIONS = 5

SHARE_ACTION = "share_answer"
HOME_ICS_ACTION = "home_due_dates_ics"  # App Home: send me my due dates as a calendar file
ASK_ACTION = "ask"  # buttons are "ask:0", "ask:1", ...; their value is the question to ask
RAG_EMOJI = {
    "red": ":red_circle:",
    "amber": ":large_orange_circle:",
    "green": ":large_green_circle:",
    "grey": ":white_circle:",
}
KIND_WORDS = {"overdue": "overdue", "due-soon": "due soon", "stale": "stale"}
Block = dict


# -- primitives -------------------------------------------------------------------------------
def escape(text: str) -> str:
    """Escape the three characters Slack treats as markup (&, <, >) in text from the knowledge base."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def header(text: str) -> Block:
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": clip(" ".join(text.split()) or "-", HEADER_TEXT), "emoji": True},
    }


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn or " ", SECTION_TEXT)}}


def context(texts: Sequence[str]) -> Block:
    elements = [{"type": "mrkdwn", "text": clip(t, CONTEXT_TEXT)} for t in texts if t][:CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements or [{"type": "mrkdwn", "text": " "}]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    out: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, BUTTON_TEXT), "emoji": True},
        "action_id": action_id,
        "value": clip(value, BUTTON_VALUE),
    }
    if style:
        out["style"] = style
    return out


def actions(buttons: Sequence[Block]) -> Block:
    return {"type": "actions", "elements": list(buttons)[:ACTION_ELEMENTS]}


def divider() -> Block:
    return {"type": "divider"}


# -- answers ----------------------------------------------------------------------------------
def item_text(item: Item) -> str:
    """An item as mrkdwn: a bold title (with its RAG dot for actions) then its lines."""
    dot = RAG_EMOJI.get(item.fields.get("rag", ""), "")
    title = f"{dot} *{escape(item.title)}*" if dot else f"*{escape(item.title)}*"
    return "\n".join([title, *(escape(line) for line in item.lines)])


def item_blocks(item: Item) -> list[Block]:
    """A section for the item and, when it has one, a context line naming its source."""
    out = [section(item_text(item))]
    if item.source is not None:
        out.append(context([f"Source: {escape(item.source.describe())}"]))
    return out


def more_text(answer: Answer, shown: int) -> str:
    """ "and N more - ask `/actions overdue in <plan>`": how to narrow an answer cut short."""
    omitted = answer.items[shown:] or answer.items
    word = KIND_WORDS.get(answer.kind, "overdue")
    plans = Counter(i.fields["plan_name"] for i in omitted if i.fields.get("plan_name"))
    all_plans = {i.fields.get("plan_name") for i in answer.items if i.fields.get("plan_name")}
    leads = Counter(i.fields["lead"].split(";")[0].strip() for i in omitted if i.fields.get("lead"))
    if len(all_plans) == 1 and leads:
        hint = f"`/actions {word} for {escape(leads.most_common(1)[0][0])}`"
    elif plans:
        hint = f"`/actions {word} in {escape(plans.most_common(1)[0][0])}`"
    else:
        hint = "a narrower question (name a plan, a person or an action)"
    return f"\u2026and {answer.count - shown} more - ask {hint}"


def follow_ups(answer: Answer) -> list[tuple[str, str]]:
    """(label, question) pairs for buttons: "did you mean" suggestions, or the other details of one action."""
    if answer.suggestions:
        return [(s, s) for s in answer.suggestions[:MAX_SUGGESTIONS]]
    if answer.subject and answer.subject.kind == "action" and len(answer.items) == 1:
        item = answer.items[0]
        action_id, plan = item.fields.get("action", ""), item.fields.get("plan_name", "")
        asks = {
            "status": ("Status", f"status of action {action_id} in {plan}"),
            "due": ("Timescale", f"when is action {action_id} due in {plan}"),
            "lead": ("Lead", f"who leads action {action_id} in {plan}"),
        }
        return [pair for kind, pair in asks.items() if kind != answer.kind]
    return []


def fallback_text(answer: Answer, shown: int) -> str:
    """The notification / screen-reader text: the headline and the first item titles."""
    lines = [answer.text, *(f"\u2022 {i.title}" for i in answer.items[: min(shown, 5)])]
    if answer.count > min(shown, 5):
        lines.append(f"\u2026and {answer.count - min(shown, 5)} more")
    return clip("\n".join(lines), FALLBACK_TEXT)


def answer_message(
    answer: Answer,
    *,
    share_question: str | None = None,
    shared_by: str | None = None,
    max_blocks: int = MAX_BLOCKS,
    max_items: int = MAX_ITEMS,
) -> dict:
    """{"text", "blocks"} for an answer, within `max_blocks`; long answers end "and N more - ask ...".

    share_question adds a "Share in channel" button carrying the question; shared_by credits who shared it.
    """
    head = [header(answer.text)]
    if len(" ".join(answer.text.split())) > HEADER_TEXT:
        head.append(section(escape(answer.text)))
    tail: list[Block] = []
    if answer.notes:
        tail.append(context([escape(n) for n in answer.notes]))
    if shared_by:
        tail.append(context([f"Shared by <@{shared_by}>"]))
    buttons = [button(label, f"{ASK_ACTION}:{i}", question) for i, (label, question) in enumerate(follow_ups(answer))]
    if answer.more:
        left = answer.count - len(answer.items)
        buttons.append(button(f"Show more ({left} left)", f"{ASK_ACTION}:{len(buttons)}", answer.more))
    if share_question:
        buttons.append(button("Share in channel", SHARE_ACTION, share_question, style="primary"))
    if buttons:
        tail.append(actions(buttons))
    if answer.subject and answer.subject.kind == "action" and len(answer.items) == 1 and answer.items[0].ref:
        plan, action_id = answer.items[0].ref
        tail.append(update_buttons(plan, action_id, answer.items[0].title))
    room = max_blocks - len(head) - len(tail)
    body: list[Block] = []
    shown = 0
    for item in answer.items[:max_items]:
        blocks = item_blocks(item)
        reserve = 1 if shown + 1 < len(answer.items) else 0  # the "and N more" line, if anything would be left
        if len(body) + len(blocks) + reserve > room:
            break
        body += blocks
        shown += 1
    if shown < len(answer.items) or (answer.count > len(answer.items) and not answer.more):
        body.append(section(more_text(answer, shown)))
    return {"text": fallback_text(answer, shown), "blocks": head + body + tail}


def help_message(answer: Answer, command: str = "/actions") -> dict:
    """The help answer, with how to use the slash command, mentions and DMs."""
    usage = (
        f"Use `{command} <question>` anywhere (only you see the answer until you share it), "
        "mention me in a channel, or send me a direct message."
    )
    message = answer_message(answer)
    message["blocks"].insert(1, section(usage))
    message["text"] = clip(f"{usage}\n{message['text']}", FALLBACK_TEXT)
    return message


def error_message(ref: str) -> dict:
    """What a user sees when something broke: an apology and the reference to quote."""
    text = (
        f"Sorry, something went wrong (ref {ref}). Please try again; if it keeps happening, "
        "tell your administrator the ref."
    )
    return {"text": text, "blocks": [section(f":warning: {text}")]}


# -- App Home ---------------------------------------------------------------------------------
def home_item_text(item: Item) -> str:
    """An action as one compact line pair for the Home tab."""
    dot = RAG_EMOJI.get(item.fields.get("rag", ""), "")
    due = item.fields.get("due") or item.fields.get("due_words") or "no due date stated"
    status = item.fields.get("status", "")
    text = escape(clip(" ".join(item.fields.get("text", "").split()), 240))
    return f"{dot} *{escape(item.title)}*\n{text}\nDue: {escape(due)} \u00b7 Status: {escape(status)}"


def home_view(
    person_name: str | None,
    groups: Sequence[tuple[str, Sequence[Item]]],
    today: dt.date,
    slack_user: str,
    notes: Sequence[str] = (),
    max_blocks: int = MAX_VIEW_BLOCKS,
) -> dict:
    """The App Home tab: "Your actions" grouped (overdue / due soon / others), or how to get matched."""
    blocks: list[Block] = [header("Your actions")]
    if person_name is None:
        blocks.append(
            section(
                "I could not match your Slack account to a person in the knowledge base. Ask whoever maintains it to "
                f"add `slack_id: {slack_user}` (or your Slack email address) to your entry in `people.yaml`."
            )
        )
        blocks.append(context(["You can still ask me anything: `/actions help`, a mention, or a direct message."]))
        blocks.append(try_asking())
        return {"type": "home", "blocks": blocks}
    total = sum(len(items) for _, items in groups)
    blocks.append(
        context(
            [
                f"{escape(person_name)} \u00b7 {total} action{'s' if total != 1 else ''} you lead "
                f"(in person or through a role) \u00b7 as of {today.day} {today:%B %Y}",
                *(escape(n) for n in notes),
            ]
        )
    )
    if total == 0:
        blocks.append(section("The knowledge base names you as lead of no action. Ask `/actions help` for more."))
        blocks.append(try_asking())
        return {"type": "home", "blocks": blocks}
    blocks.append(actions([button("My due dates (.ics)", HOME_ICS_ACTION, "ics")]))
    per_group_room = (max_blocks - len(blocks)) // max(1, sum(1 for _, items in groups if items))
    for title, items in groups:
        if not items:
            continue
        group = [divider(), section(f"*{escape(title)} ({len(items)})*")]
        room = per_group_room - len(group)
        shown = items if len(items) <= room else items[: max(0, room - 1)]
        group += [section(home_item_text(i)) for i in shown]
        if len(shown) < len(items):
            word = {"Overdue": "overdue", "Due soon": "due soon"}.get(title, "what")
            ask = f"/actions {word} for {person_name}" if word != "what" else f"/actions what does {person_name} lead"
            group.append(context([f"\u2026and {len(items) - len(shown)} more - ask `{escape(ask)}`"]))
        blocks += group
    return {"type": "home", "blocks": [*blocks[: max_blocks - 1], try_asking()]}


def try_asking(count: int = 4) -> Block:
    """A context line of example questions, read from the engine's intent registry."""
    picks = registry.examples()[:count]
    return context(["Try asking: " + " \u00b7 ".join(f"`{escape(q)}`" for q in picks)])
