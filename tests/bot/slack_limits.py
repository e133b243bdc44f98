"""Slack's documented Block Kit and view limits, checked by the Web API stub on every message and view.

A payload over a limit gets the answer real Slack gives (`invalid_blocks` for messages, `invalid_arguments` for
views; HTTP 400 on a response_url), so a test catches a builder that real Slack would refuse. Sources: Slack's
Block Kit reference (blocks, block elements, composition objects) and the views.open / chat.postMessage pages.
"""

from __future__ import annotations

import re
from typing import Any

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
VIEW_TEXT = {"title": 24, "submit": 24, "close": 24}
PRIVATE_METADATA, CALLBACK_ID, BLOCK_ID, ACTION_ID = 3000, 255, 255, 255
SECTION_TEXT, SECTION_FIELDS, FIELD_TEXT = 3000, 10, 2000
HEADER_TEXT, CONTEXT_ELEMENTS, ACTIONS_ELEMENTS = 150, 10, 25
INPUT_LABEL, INPUT_HINT, PLACEHOLDER = 2000, 2000, 150
BUTTON_TEXT, BUTTON_VALUE, URL = 75, 2000, 3000
CONFIRM = {"title": 100, "text": 300, "confirm": 30, "deny": 30}
OPTIONS, OPTION_TEXT, OPTION_VALUE = 100, 75, 150
TEXT_INPUT_LENGTH = 3000  # plain_text_input min_length and max_length
BLOCK_TYPES = {"section", "header", "context", "actions", "divider", "image", "input", "rich_text", "file"}
ELEMENT_TYPES = {
    "button",
    "static_select",
    "plain_text_input",
    "datepicker",
    "image",
    "overflow",
    "checkboxes",
    "radio_buttons",
    "users_select",
    "conversations_select",
    "channels_select",
}


def message_problems(params: dict[str, Any]) -> list[str]:
    """What is wrong with a message's blocks (chat.postMessage, chat.update, chat.postEphemeral, response_url)."""
    blocks = params.get("blocks")
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return ["blocks must be an array"]
    out = [f"no more than {MESSAGE_BLOCKS} blocks"] if len(blocks) > MESSAGE_BLOCKS else []
    for n, block in enumerate(blocks):
        out.extend(f"[block {n}] {p}" for p in _block(block, in_view=False))
    return out


def view_problems(view: Any) -> list[str]:
    """What is wrong with a view (views.open, views.update, views.push, views.publish)."""
    if not isinstance(view, dict):
        return ["view must be an object"]
    out: list[str] = []
    if view.get("type") not in ("modal", "home"):
        out.append("view type must be modal or home")
    for key, limit in VIEW_TEXT.items():
        if key in view:
            out.extend(f"{key}: {p}" for p in _text(view[key], limit, plain=True))
    if view.get("type") == "modal" and "title" not in view:
        out.append("a modal needs a title")
    if len(str(view.get("private_metadata", ""))) > PRIVATE_METADATA:
        out.append(f"private_metadata over {PRIVATE_METADATA} characters")
    if len(str(view.get("callback_id", ""))) > CALLBACK_ID:
        out.append(f"callback_id over {CALLBACK_ID} characters")
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        return [*out, "blocks must be an array"]
    if len(blocks) > VIEW_BLOCKS:
        out.append(f"no more than {VIEW_BLOCKS} blocks")
    if any(b.get("type") == "input" for b in blocks if isinstance(b, dict)) and "submit" not in view:
        out.append("a view with input blocks needs a submit button")
    for n, block in enumerate(blocks):
        out.extend(f"[block {n}] {p}" for p in _block(block, in_view=True))
    return out


def _text(obj: Any, limit: int, plain: bool = False) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        return ["must be a text object"]
    if plain and obj["type"] != "plain_text":
        return ["must be plain_text"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return ["text must be a non-empty string"]
    return [f"text is {len(text)} characters, over {limit}"] if len(text) > limit else []


def _block(block: Any, in_view: bool) -> list[str]:
    if not isinstance(block, dict):
        return ["must be an object"]
    kind = block.get("type")
    out = [] if kind in BLOCK_TYPES else [f"unknown block type {kind!r}"]
    if len(str(block.get("block_id", ""))) > BLOCK_ID:
        out.append(f"block_id over {BLOCK_ID} characters")
    if kind == "section":
        if "text" not in block and "fields" not in block:
            out.append("a section needs text or fields")
        if "text" in block:
            out.extend(f"text: {p}" for p in _text(block["text"], SECTION_TEXT))
        fields = block.get("fields") or []
        if len(fields) > SECTION_FIELDS:
            out.append(f"no more than {SECTION_FIELDS} fields")
        for f in fields:
            out.extend(f"field: {p}" for p in _text(f, FIELD_TEXT))
        if "accessory" in block:
            out.extend(f"accessory: {p}" for p in _element(block["accessory"]))
    elif kind == "header":
        out.extend(f"text: {p}" for p in _text(block.get("text"), HEADER_TEXT, plain=True))
    elif kind == "context":
        elements = block.get("elements") or []
        if not 0 < len(elements) <= CONTEXT_ELEMENTS:
            out.append(f"a context needs 1-{CONTEXT_ELEMENTS} elements")
        for e in elements:
            if isinstance(e, dict) and e.get("type") != "image":
                out.extend(f"element: {p}" for p in _text(e, SECTION_TEXT))
    elif kind == "actions":
        elements = block.get("elements") or []
        if not 0 < len(elements) <= ACTIONS_ELEMENTS:
            out.append(f"an actions block needs 1-{ACTIONS_ELEMENTS} elements")
        ids = [e.get("action_id") for e in elements if isinstance(e, dict) and e.get("action_id")]
        if len(ids) != len(set(ids)):
            out.append("action_ids must be unique within a block")
        for e in elements:
            out.extend(f"element: {p}" for p in _element(e))
    elif kind == "input":
        if not in_view:
            out.append("input blocks belong in views")
        out.extend(f"label: {p}" for p in _text(block.get("label"), INPUT_LABEL, plain=True))
        if "hint" in block:
            out.extend(f"hint: {p}" for p in _text(block["hint"], INPUT_HINT, plain=True))
        if "element" not in block:
            out.append("an input block needs an element")
        else:
            out.extend(f"element: {p}" for p in _element(block["element"]))
    return out


def _element(e: Any) -> list[str]:
    if not isinstance(e, dict):
        return ["must be an object"]
    kind = e.get("type")
    out = [] if kind in ELEMENT_TYPES else [f"unknown element type {kind!r}"]
    if len(str(e.get("action_id", ""))) > ACTION_ID:
        out.append(f"action_id over {ACTION_ID} characters")
    if "placeholder" in e:
        out.extend(f"placeholder: {p}" for p in _text(e["placeholder"], PLACEHOLDER, plain=True))
    if kind == "button":
        out.extend(f"text: {p}" for p in _text(e.get("text"), BUTTON_TEXT, plain=True))
        if len(str(e.get("value", ""))) > BUTTON_VALUE:
            out.append(f"value over {BUTTON_VALUE} characters")
        if len(str(e.get("url", ""))) > URL:
            out.append(f"url over {URL} characters")
        confirm = e.get("confirm")
        if confirm is not None:
            for key, limit in CONFIRM.items():
                out.extend(f"confirm {key}: {p}" for p in _text(confirm.get(key), limit))
    elif kind == "static_select":
        options = e.get("options") or []
        if not 0 < len(options) <= OPTIONS:
            out.append(f"a select needs 1-{OPTIONS} options")
        for o in options:
            out.extend(f"option: {p}" for p in _text(o.get("text"), OPTION_TEXT, plain=True))
            if not 0 < len(str(o.get("value", ""))) <= OPTION_VALUE:
                out.append(f"option value must be 1-{OPTION_VALUE} characters")
        if "initial_option" in e and e["initial_option"] not in options:
            out.append("initial_option must be one of the options")
    elif kind == "plain_text_input":
        for key in ("min_length", "max_length"):
            if key in e and not (isinstance(e[key], int) and 0 <= e[key] <= TEXT_INPUT_LENGTH):
                out.append(f"{key} must be an integer from 0 to {TEXT_INPUT_LENGTH}, not {e[key]!r}")
    elif (
        kind == "datepicker" and "initial_date" in e and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(e["initial_date"]))
    ):
        out.append("initial_date must be YYYY-MM-DD")
    return out
