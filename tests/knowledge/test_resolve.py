"""The resolver: plans, actions, people and roles as people type them, never a guess, hidden plans absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.engine import Audience, Engine
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from knowledge.resolve import MAX_TYPED, NotResolved, Resolver
from tests.conftest import MINI, write_kb

SECRET = """
    plan:
      id: secret-review
      title: Secret Review Plan
      short_names: [secret plan]
      visibility: {restricted: true, channels: [C_PRIVATE], people: [ann-lead]}
      source: {seed: test, quote: "Secret"}
      actions:
        - id: "S1"
          text: Audit the confidential placement records
          leads: [ann-lead]
          status: in-progress
          source: {seed: test, quote: "S1."}
"""
TWINS = MINI["people/people.yaml"].replace(
    '            source: {seed: test, quote: "Bob Other"}\n',
    '            source: {seed: test, quote: "Bob Other"}\n'
    "          - id: bob-other-2\n"
    "            name: Bob Other\n"
    '            source: {seed: test, quote: "Bob Other"}\n',
    1,
)


@pytest.fixture(scope="module")
def county(bundled: KnowledgeBase) -> Resolver:
    return Resolver(bundled)


@pytest.fixture
def secret_kb(tmp_path: Path) -> KnowledgeBase:
    return load_knowledge_base(write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": SECRET}))


@pytest.mark.parametrize(
    ("typed", "plan"),
    [
        ("county-iicsa", "county-iicsa"),
        ("County-IICSA", "county-iicsa"),
        ("county iicsa", "county-iicsa"),
        ("county", "county-iicsa"),
        ("County plan", "county-iicsa"),
        ("the county one", "county-iicsa"),
        ("the county's plan", "county-iicsa"),
        ("Nottinghamshire County plan", "county-iicsa"),
        ('"county plan"', "county-iicsa"),
        ("city", "city-iicsa"),
        ("city plan", "city-iicsa"),
        ("city business plan", "ncscp-business-plan"),
        ("business plan", "ncscp-business-plan"),
        ("TCE", "tce-action-plan"),
        ("tce plan", "tce-action-plan"),
    ],
)
def test_plans_by_id_short_name_or_phrase(county: Resolver, typed: str, plan: str) -> None:
    assert county.plan(typed).id == plan


def test_a_plan_phrase_with_other_words_is_not_guessed(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.plan("county banana")
    assert "There is no plan 'county banana' in the knowledge base. Did you mean county-iicsa (county plan)?" in str(
        caught.value
    )


def test_two_plans_named_give_the_choices(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.plan("county or city")
    assert set(caught.value.choices) == {"county-iicsa", "city-iicsa"}
    assert "say which plan" in str(caught.value)


def test_an_unknown_plan_lists_the_plans(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.plan("countee")
    message = str(caught.value)
    assert "Did you mean county-iicsa (county plan)?" in message
    assert "Plans: city-iicsa (city plan), county-iicsa (county plan)," in message
    assert set(caught.value.choices) == {"city-iicsa", "county-iicsa", "ncscp-business-plan", "tce-action-plan"}


@pytest.mark.parametrize("typed", ["12", "action 12", "Action 12", "ACTION 12", "#12", "no. 12", " 'Action 12' "])
def test_county_action_12_however_typed(county: Resolver, typed: str) -> None:
    assert county.action(county.plan("county"), typed).id == "Action 12"


@pytest.mark.parametrize("typed", ["7a", "7A", "7 a", "action 7a", "Action 7 A", "7a."])
def test_city_7a_however_typed(county: Resolver, typed: str) -> None:
    assert county.action(county.plan("city"), typed).id == "7a"


@pytest.mark.parametrize(
    ("plan", "typed", "action"),
    [
        ("tce", "3", "TCE3"),
        ("tce", "tce 3", "TCE3"),
        ("business plan", "1.1", "P1.1"),
        ("business plan", "p 1.1", "P1.1"),
    ],
)
def test_an_id_without_its_letter_prefix_when_only_one_action_has_it(
    county: Resolver, plan: str, typed: str, action: str
) -> None:
    assert county.action(county.plan(plan), typed).id == action


def test_an_ambiguous_action_gives_the_choices_never_a_guess(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.action(county.plan("city"), "7")
    assert caught.value.choices == ("7a", "7b", "7c")
    assert str(caught.value) == "'7' in city-iicsa could be 7a, 7b or 7c; say which."


def test_an_unknown_action_lists_the_plans_actions(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.action(county.plan("county"), "99")
    message = str(caught.value)
    assert message.startswith("There is no action '99' in county-iicsa. Did you mean Action 9?")
    assert "Its actions: Action 1, Action 2," in message and "Action 12, All actions." in message


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("county 12", ("county-iicsa", "Action 12")),
        ("county action 12", ("county-iicsa", "Action 12")),
        ("county-iicsa Action 12", ("county-iicsa", "Action 12")),
        ("the county one action 12", ("county-iicsa", "Action 12")),
        ("action 12 of the county plan", ("county-iicsa", "Action 12")),
        ("city plan 7 a", ("city-iicsa", "7a")),
        ("7a", ("city-iicsa", "7a")),
        ("business plan P1.1", ("ncscp-business-plan", "P1.1")),
    ],
)
def test_a_plan_and_action_in_one_phrase(county: Resolver, typed: str, key: tuple[str, str]) -> None:
    assert county.target(typed).key == key


def test_an_action_in_several_plans_needs_its_plan(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.target("action 1")
    assert {"city-iicsa 1", "county-iicsa Action 1"} <= set(caught.value.choices)
    assert "name the plan too" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("pam-rosseter", "pam-rosseter"),
        ("Pam Rosseter", "pam-rosseter"),
        ("pam rosseter", "pam-rosseter"),
        ("PAM ROSSETER", "pam-rosseter"),
        ("DCI Dean", "clare-dean"),  # an alias
        ("Corporate Director of People", "catherine-underwood"),  # a role alias: its one holder
        ("city-corporate-director", "catherine-underwood"),
    ],
)
def test_people_by_id_name_or_alias(county: Resolver, typed: str, person: str) -> None:
    assert county.person(typed) == person


def test_a_role_is_a_role(county: Resolver) -> None:
    assert county.person_or_role("Corporate Director of People") == ("role", "city-corporate-director")


def test_did_you_mean_only_when_nothing_matches_exactly(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.person("Pam Roseter")
    assert str(caught.value) == (
        "There is no person or role 'Pam Roseter' in the knowledge base. Did you mean Pam Rosseter (pam-rosseter)?"
    )
    with pytest.raises(NotResolved) as nothing:
        county.person("Zebedee Quartermaine")
    assert "Did you mean" not in str(nothing.value)


def test_two_people_with_one_name_give_the_choices(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path / "kb", {**MINI, "people/people.yaml": TWINS}))
    with pytest.raises(NotResolved) as caught:
        Resolver(kb).person("bob other")
    assert caught.value.choices == ("bob-other", "bob-other-2")
    assert Resolver(kb).person("bob-other-2") == "bob-other-2"


def test_a_role_with_no_holder_is_not_a_person(county: Resolver) -> None:
    with pytest.raises(NotResolved, match="no one is recorded as holding"):
        county.person("Head of Children in Care")


def _outcome(call, *args: str) -> str:
    try:
        found = call(*args)
    except NotResolved as exc:
        return f"{exc} {exc.choices}"
    return getattr(found, "key", getattr(found, "id", found))


def test_a_hidden_plan_does_not_exist(secret_kb: KnowledgeBase, tmp_path: Path) -> None:
    engine = Engine(secret_kb)
    channel = engine.resolver(Audience(channel="C_GENERAL"))
    without = Resolver(load_knowledge_base(write_kb(tmp_path / "without", MINI)))  # the same, minus the secret plan
    for typed in ("secret-review", "secret plan", "Secret Review Plan", "secret", "secret-reviw", "omega"):
        assert _outcome(channel.plan, typed) == _outcome(without.plan, typed)
        assert "secret" not in _outcome(channel.plan, typed).replace(repr(typed), "").lower()
    for typed in ("S1", "secret S1", "secret-review S1", "alpha S1", "s 1"):
        assert _outcome(channel.target, typed) == _outcome(without.target, typed)
    allowed = engine.resolver(Audience(channel="C_PRIVATE"))
    assert allowed.plan("secret").id == "secret-review"
    assert allowed.target("S1").key == ("secret-review", "S1")
    assert engine.resolver(Audience(person="ann-lead", is_dm=True)).plan("secret plan").id == "secret-review"
    assert "secret-review" in _outcome(engine.resolver(None).plan, "omega")  # a local operator sees every plan


def test_overlong_input_is_refused_before_matching(county: Resolver) -> None:
    with pytest.raises(NotResolved, match="under 200"):
        county.plan("county " * (MAX_TYPED // 5))
    with pytest.raises(NotResolved, match="under 16 words"):
        county.target(" ".join(["county"] * 17))


def test_a_plan_without_an_action_asks_which(county: Resolver) -> None:
    with pytest.raises(NotResolved) as caught:
        county.target("the county plan")
    assert str(caught.value).startswith("Which action in county-iicsa? Its actions: Action 1, Action 2,")
