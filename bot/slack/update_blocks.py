"""The buttons that let a lead answer for an action: pure Block Kit, shared by answers and digests."""

from __future__ import annotations

import json

OPEN, COMPLETE, SNOOZE = "update_open", "mark_complete", "snooze_week"


def update_buttons(plan: str, action: str, label: str) -> dict:
    """ "Add update", "Mark complete" (with a confirmation) and "Snooze 1 week" for one action."""
    value = json.dumps({"plan": plan, "action": action})
    confirm = {
        "title": {"type": "plain_text", "text": "Mark complete?"},
        "text": {"type": "plain_text", "text": f"Mark {label[:200]} as complete?"},
        "confirm": {"type": "plain_text", "text": "Mark complete"},
        "deny": {"type": "plain_text", "text": "Cancel"},
    }
    return {
        "type": "actions",
        "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": "Add update"}, "action_id": OPEN, "value": value},
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Mark complete"},
                "action_id": COMPLETE,
                "value": value,
                "style": "primary",
                "confirm": confirm,
            },
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Snooze 1 week"},
                "action_id": SNOOZE,
                "value": value,
            },
        ],
    }
