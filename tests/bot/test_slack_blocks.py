"""Block Kit builders, checked as dicts against Slack's limits."""

from __future__ import annotations

import datetime as dt

from bot.slack import blocks as b
from knowledge.answer import Answer, Item, Subject
from knowledge.models import Source
from tests.bot.slack_harness import assert_within_limits

TODAY = dt.date(2025, 1, 6)


def action(i: int, plan: str = "big plan", lead: str = "Corporate Director (Ann Lead)", rag: str = "red") -> Item:
    return Item(
        "action",
        f"{plan}, action B{i}",
        (f"Task {i}", f"Lead: {lead}", "Due March 2020", "Status: in progress (overdue)"),
        {
            "plan": plan.replace(" ", "-"),
            "plan_name": plan,
            "action": f"B{i}",
            "lead": lead,
            "due": "March 2020",
            "status": "in progress (overdue)",
            "rag": rag,
            "text": f"Task {i}",
        },
        Source("seed.txt", f"B{i}.", "Actions table"),
        (plan.replace(" ", "-"), f"B{i}"),
    )


def blocks_of(message: dict, kind: str) -> list[dict]:
    return [x for x in message["blocks"] if x["type"] == kind]


def test_two_hundred_items_stay_within_limits_and_say_how_many_more() -> None:
    items = tuple(action(i, plan="city plan" if i % 3 else "county plan") for i in range(200))
    message = b.answer_message(Answer("overdue", "200 overdue as of 6 January 2025:", items))
    assert_within_limits(message)
    shown = [
        s
        for s in blocks_of(message, "section")
        if "*city plan" in s["text"]["text"] or "*county plan" in s["text"]["text"]
    ]
    assert len(shown) == b.MAX_ITEMS
    more = blocks_of(message, "section")[-1]["text"]["text"]
    assert more == f"\u2026and {200 - b.MAX_ITEMS} more - ask `/actions overdue in city plan`"


def test_more_line_names_a_lead_when_the_answer_is_one_plan_already() -> None:
    items = tuple(action(i, lead="Corporate Director (Ann Lead); Bob Other") for i in range(60))
    message = b.answer_message(Answer("due-soon", "60 due:", items))
    assert blocks_of(message, "section")[-1]["text"]["text"].endswith(
        "ask `/actions due soon for Corporate Director (Ann Lead)`"
    )


def test_a_small_block_budget_is_respected_too() -> None:
    items = tuple(action(i) for i in range(30))
    message = b.answer_message(Answer("overdue", "30 overdue:", items, notes=("A note.",)), max_blocks=9)
    assert_within_limits(message, max_blocks=9)
    assert "more - ask" in blocks_of(message, "section")[-1]["text"]["text"]


def test_long_texts_are_clipped_to_the_header_and_section_limits() -> None:
    long_line = "x" * 5000
    item = Item("action", "t" * 400, (long_line,), {"rag": "amber"})
    message = b.answer_message(Answer("topic", "h" * 400, (item,)))
    assert_within_limits(message)
    header = blocks_of(message, "header")[0]["text"]["text"]
    assert len(header) == b.HEADER_TEXT and header.endswith("\u2026")
    sections = blocks_of(message, "section")
    assert sections[0]["text"]["text"] == "h" * 400  # the full headline, since the header had to cut it
    assert len(sections[1]["text"]["text"]) == b.SECTION_TEXT


def test_every_message_has_a_text_fallback_with_the_headline() -> None:
    message = b.answer_message(Answer("not-found", "There is no action 99 in any plan."))
    assert message["text"].startswith("There is no action 99 in any plan.")
    assert_within_limits(message)


def test_knowledge_base_text_cannot_inject_slack_markup() -> None:
    item = Item("action", "A <!channel> & <@U123>", ("Lead: <https://evil.example|click>",), {})
    text = blocks_of(b.answer_message(Answer("action", "x", (item,))), "section")[0]["text"]["text"]
    assert "<!channel>" not in text and "<@U123>" not in text and "<https://" not in text
    assert "&lt;!channel&gt; &amp; &lt;@U123&gt;" in text


def test_item_section_shows_rag_title_and_lines_and_a_source_context() -> None:
    message = b.answer_message(Answer("action", "Action B1:", (action(1, rag="green"),)))
    section = blocks_of(message, "section")[0]["text"]["text"]
    assert section.splitlines()[0] == ":large_green_circle: *big plan, action B1*"
    assert "Lead: Corporate Director (Ann Lead)" in section
    assert blocks_of(message, "context")[0]["elements"][0]["text"] == 'Source: seed.txt, Actions table: "B1."'


def test_share_button_carries_the_question() -> None:
    message = b.answer_message(Answer("lead", "Lead:", (action(1),)), share_question="who leads b1?")
    buttons = blocks_of(message, "actions")[0]["elements"]
    share = [x for x in buttons if x["action_id"] == b.SHARE_ACTION]
    assert share == [b.button("Share in channel", b.SHARE_ACTION, "who leads b1?", style="primary")]


def test_suggestions_become_ask_buttons() -> None:
    answer = Answer("not-found", "No action 7z.", suggestions=("action 7a", "action 7b"))
    buttons = blocks_of(b.answer_message(answer), "actions")[0]["elements"]
    assert [(x["action_id"], x["value"]) for x in buttons] == [("ask:0", "action 7a"), ("ask:1", "action 7b")]


def test_one_action_offers_the_other_details_as_buttons() -> None:
    answer = Answer("lead", "Lead of big plan, action B1: x.", (action(1),), subject=Subject.action("big-plan", "B1"))
    buttons = blocks_of(b.answer_message(answer), "actions")[0]["elements"]
    assert [x["value"] for x in buttons] == ["status of action B1 in big plan", "when is action B1 due in big plan"]


def test_no_buttons_when_nothing_useful_to_offer() -> None:
    message = b.answer_message(Answer("overdue", "2 overdue:", (action(1), action(2))))
    assert blocks_of(message, "actions") == []


def test_notes_and_sharer_are_context_lines() -> None:
    answer = Answer("overdue", "1 overdue:", (action(1),), notes=("Some plans are restricted.",))
    message = b.answer_message(answer, shared_by="U42")
    contexts = [e["text"] for c in blocks_of(message, "context") for e in c["elements"]]
    assert "Some plans are restricted." in contexts and "Shared by <@U42>" in contexts


def test_help_message_explains_the_three_ways_to_ask() -> None:
    answer = Answer("help", "Here is what I can answer.", (Item("help", "Try asking", ("\u2022 who leads 7a?",)),))
    message = b.help_message(answer)
    assert_within_limits(message)
    assert "`/actions <question>`" in message["blocks"][1]["text"]["text"]
    assert "/actions <question>" in message["text"]


def test_error_message_quotes_the_ref() -> None:
    message = b.error_message("AB12CD")
    assert message["text"].startswith("Sorry, something went wrong (ref AB12CD)")
    assert_within_limits(message)


def test_home_view_groups_and_stays_within_the_view_limit() -> None:
    groups = [
        ("Overdue", [action(i) for i in range(150)]),
        ("Due soon", [action(i, rag="amber") for i in range(3)]),
        ("Others", [action(i, rag="green") for i in range(150)]),
    ]
    view = b.home_view("Ann Lead", groups, TODAY, "U_ANN")
    assert view["type"] == "home"
    assert_within_limits(view, max_blocks=b.MAX_VIEW_BLOCKS)
    titles = [x["text"]["text"] for x in blocks_of(view, "section") if x["text"]["text"].startswith("*")]
    assert titles == ["*Overdue (150)*", "*Due soon (3)*", "*Others (150)*"]
    more = [e["text"] for c in blocks_of(view, "context") for e in c["elements"] if "more - ask" in e["text"]]
    assert len(more) == 2 and "`/actions overdue for Ann Lead`" in more[0]


def test_home_view_for_an_unmatched_user_says_how_to_get_matched() -> None:
    view = b.home_view(None, [], TODAY, "U_NOBODY")
    assert_within_limits(view, max_blocks=b.MAX_VIEW_BLOCKS)
    assert "`slack_id: U_NOBODY`" in blocks_of(view, "section")[0]["text"]["text"]


def test_home_view_offers_registry_examples() -> None:
    from knowledge import registry

    view = b.home_view(None, [], dt.date(2020, 1, 15), "U1")
    last = view["blocks"][-1]
    assert registry.examples()[0] in last["elements"][0]["text"]
