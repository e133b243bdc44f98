"""Free-text timescales read by the rules the bundled plans were transcribed with."""

from __future__ import annotations

import pytest

from knowledge.timescales import read_action_text_timescale, read_timescale, split_milestones


@pytest.mark.parametrize(
    ("words", "start", "due"),
    [
        ("Ongoing", None, None),
        ("Services are due to be recommissioned in 2020 for 2021", None, "2020"),
        ("The evaluation is due end of October 2019", None, "2019-10"),
        ("To commence October 2019 (to be completed this financial year).", "2019-10", "FY2019/20"),
        ("The review will commence in October 2019", "2019-10", None),
        ("Consider at Safeguarding Partnership on 04/02/20", None, "2020-02-04"),
        ("Following Safeguarding Partnership (Feb 20)", "2020-02", None),
        ("To be included in the 2019/20 annual report", None, None),
        ("by 31st March 2026", None, "2026-03-31"),
        ("by 2026/27", None, "FY2026/27"),
        ("To be agreed", None, None),
    ],
)
def test_read_timescale(words: str, start: str | None, due: str | None) -> None:
    read = read_timescale(words)
    assert (read.start, read.due) == (start, due)
    assert read.text == words


def test_past_event_is_a_done_milestone_not_a_due_date() -> None:
    read = read_timescale("In October 2018, the council established a specialist post")
    assert read.due is None and read.done == ("In October 2018", "the council established a specialist post", "2018-10")


def test_action_text_dates_only_after_a_preposition() -> None:
    assert read_action_text_timescale("actions by January 2020").due == "2020-01"
    assert read_action_text_timescale("the budget setting process for 2020/21") is None


def test_split_milestones_keeps_dates_inside_sentences() -> None:
    cell = (
        "Funding approved. Completed The new model. April 2020 Keep working. Ongoing\n"
        "Inspection took place in October 2019. Review undertaken. January 2020\n"
        "Working group. February – May 2020"
    )
    got = [(m.text, m.date_text, m.start, m.due, m.status) for m in split_milestones(cell)]
    assert got == [
        ("Funding approved.", "Completed", None, None, "complete"),
        ("The new model.", "April 2020", None, "2020-04", "not-stated"),
        ("Keep working.", "Ongoing", None, None, "ongoing"),
        ("Inspection took place in October 2019. Review undertaken.", "January 2020", None, "2020-01", "not-stated"),
        ("Working group.", "February – May 2020", "2020-02", "2020-05", "not-stated"),
    ]


def test_dump_plain_reads_back_exactly() -> None:
    from knowledge import yamlio

    data = {
        "plan": {
            "id": "x",
            "n": 3,
            "ok": True,
            "none": None,
            "empty": [],
            "map": {},
            "text": 'a "q" \\ b\nline2 \u2028 \x85 \u2029 \t é – ’ : # - yes \x01',
            "list": [{"a": 1, "b": []}, {"c": {"d": "e"}}, "str", [1, 2], []],
        },
        "key with space": "v",
        "true": "no",
        "Y": 1,
    }
    assert yamlio.parse(yamlio.dump_plain(data)) == data
