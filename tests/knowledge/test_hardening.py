"""Hostile or unlucky knowledge bases: alias bombs, huge values and files, ids that are paths, many problems.

Each test drives the command line (`actionbot check`, `ask`, `update`) as an operator would. Bombs run
in a child process whose address space is capped, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import itertools
import os
import stat
import textwrap
from pathlib import Path

import pytest

from bot.cli import main
from knowledge import loader, yamlio
from knowledge.paths import OutsideRoot, inside
from tests.conftest import MINI, write_kb
from tests.subproc import run_cli

BOMB_LEVELS = "abcdefghi"


def alias_bomb(field: str = "status") -> str:
    """A plan whose action's `field` is a nested alias: 9 levels of 9 copies, about 387 million strings."""
    lines = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in itertools.pairwise(BOMB_LEVELS):
        lines.append(f"&{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    value = "[" + ", ".join(lines) + "]"
    return textwrap.dedent(
        f"""\
        plan:
          id: bomb
          title: Bomb
          actions:
            - id: "1"
              text: t
              source: {{seed: s, quote: q}}
              {field}: {value}
        """
    )


def kb_with(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_kb(tmp_path / "kb", {**MINI, **files})


# -- 5. alias bombs, echoed values, file sizes ----------------------------------------------------------------


def test_alias_bomb_in_a_plan_is_refused_quickly_naming_file_and_line(tmp_path: Path) -> None:
    kb = kb_with(tmp_path, {"plans/bomb.yaml": alias_bomb()})
    assert len((kb / "plans/bomb.yaml").read_bytes()) < 1000
    result = run_cli(["check", "--kb", str(kb)], memory_mb=1024, timeout=60)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert "plans/bomb.yaml:8: (file): not loaded: its aliases (*name) would repeat values more than 100,000" in (
        result.stderr
    )
    assert len(result.stderr) < 2000  # one short problem, not the expanded value


def test_alias_bomb_is_refused_by_ask_too(tmp_path: Path) -> None:
    kb = kb_with(tmp_path, {"plans/bomb.yaml": alias_bomb("leads")})
    result = run_cli(["ask", "--kb", str(kb), "who leads action 1"], memory_mb=1024, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "plans/bomb.yaml:8" in result.stderr and "aliases" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_self_referring_alias_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI["plans/alpha.yaml"].replace("short_names: [alpha plan]", "short_names: &loop [alpha plan, *loop]")
    assert main(["check", "--kb", str(kb_with(tmp_path, {"plans/alpha.yaml": text}))]) == 1
    assert "plans/alpha.yaml:4: (file): not loaded: an alias (*name) refers to a value that contains it" in (
        capsys.readouterr().err
    )


def test_a_few_ordinary_aliases_still_load(tmp_path: Path) -> None:
    text = (
        MINI["plans/alpha.yaml"]
        .replace('source: {seed: test, quote: "1."}', "source: &src {seed: test, quote: one}")
        .replace('source: {seed: test, quote: "2."}', "source: *src")
    )
    kb = loader.load_knowledge_base(kb_with(tmp_path, {"plans/alpha.yaml": text}))
    assert kb.plans["alpha"].action("2").source.quote == "one"


def test_a_huge_value_is_echoed_cut_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINI["plans/alpha.yaml"].replace("status: complete", "status: " + "x" * 50_000)
    assert main(["check", "--kb", str(kb_with(tmp_path, {"plans/alpha.yaml": text}))]) == 1
    err = capsys.readouterr().err
    assert "plan.actions[1].status: unknown status 'xxxx" in err
    assert "x" * 100 not in err and len(err) < 1000


def test_a_file_over_the_size_cap_is_named_and_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = kb_with(tmp_path, {})
    with (kb / "people/huge.yaml").open("w") as fh:
        fh.write("# padding\n" * (loader.MAX_FILE_BYTES // 10 + 1))
    assert main(["check", "--kb", str(kb)]) == 1
    err = capsys.readouterr().err
    assert "people/huge.yaml: (file): larger than 16 MiB, the most a knowledge-base file may hold" in err


def test_the_directory_total_is_capped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", 1000)  # the real cap is 128 MiB; the rule is the same
    assert main(["check", "--kb", str(kb_with(tmp_path, {}))]) == 1
    assert "(directory): its files hold more than 0 MiB together" in capsys.readouterr().err


# -- 6. ids are slugs; paths built from data stay inside their root ----------------------------------------------


def test_a_plan_id_that_is_a_path_fails_check_and_update_writes_nothing(tmp_path: Path) -> None:
    text = MINI["plans/alpha.yaml"].replace("id: alpha", "id: ../../escaped/x")
    kb = kb_with(tmp_path, {"plans/alpha.yaml": text})
    result = run_cli(["check", "--kb", str(kb)])
    assert result.returncode == 1
    assert "plans/alpha.yaml:2: plan.id: plan id '../../escaped/x' is not a slug" in result.stderr
    update = run_cli(["update", "../../escaped/x", "1", "--note", "n", "--by", "ann-lead", "--kb", str(kb)], timeout=60)
    assert update.returncode == 2 and "Traceback" not in update.stderr
    assert not (tmp_path / "escaped").exists() and not (kb / "updates").exists()


@pytest.mark.parametrize("field", ["people/people.yaml", "organisations.yaml"])
def test_person_and_organisation_ids_must_be_slugs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    old = "id: bob-other" if field.startswith("people") else "id: org\n"
    new = "id: Bob/Other" if field.startswith("people") else "id: ../org\n"
    kb = kb_with(tmp_path, {field: MINI[field].replace(old, new)})
    assert main(["check", "--kb", str(kb)]) == 1
    assert "is not a slug: use lower-case letters, digits and hyphens" in capsys.readouterr().err


def test_inside_refuses_every_way_out(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "link").symlink_to(tmp_path)
    assert inside(root, "sub", "a.yaml") == (root / "sub" / "a.yaml").resolve()
    for parts in (("..", "x"), ("sub/../../x",), ("/etc/passwd",), ("link", "x")):
        with pytest.raises(OutsideRoot):
            inside(root, *parts)


def test_a_template_description_cannot_name_a_file_outside_its_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (tmp_path / "evil.md.j2").write_text("outside\n")
    (own / "evil.yaml").write_text("name: ../evil\npurpose: p\n")
    assert main(["templates", "--templates", str(own)]) == 2
    assert "names '../evil', which is not a file beside it" in capsys.readouterr().err


# -- 7. thousands of problems cost about one load -------------------------------------------------------------


def many_unknown_leads(count: int) -> str:
    actions = "".join(
        f'    - id: "{i}"\n      text: Action {i}\n      leads: [nobody-{i}]\n      source: {{seed: s, quote: q}}\n'
        for i in range(count)
    )
    return f"plan:\n  id: many\n  title: Many\n  actions:\n{actions}"


@pytest.mark.parametrize("command", [["check"], ["ask", "who leads action 1"]])
def test_thousands_of_problems_compose_each_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    kb = kb_with(tmp_path, {"plans/many.yaml": many_unknown_leads(2000)})
    composed: list[object] = []
    real = yamlio.yaml.compose

    def counting(*args: object, **kwargs: object) -> object:
        composed.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(yamlio.yaml, "compose", counting)
    assert main([command[0], "--kb", str(kb), *command[1:]]) in (1, 2)
    err = capsys.readouterr().err
    assert err.count("unknown person or role 'nobody-") == 2000
    assert "plans/many.yaml:7: plan.actions[0].leads[0]: unknown person or role 'nobody-0'" in err
    assert "plans/many.yaml:8003: plan.actions[1999].leads[0]: unknown person or role 'nobody-1999'" in err
    assert len(composed) == 1  # the one file with problems, once (it was once per problem)


# -- 9. updates files are ordinary files; notes keep meaningful invisible characters --------------------------------


def test_updates_file_gets_ordinary_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = kb_with(tmp_path, {})
    old = os.umask(0o022)
    try:
        assert main(["update", "alpha", "1", "--note", "Started.", "--by", "ann-lead", "--kb", str(kb)]) == 0
    finally:
        os.umask(old)
    mode = stat.S_IMODE((kb / "updates/alpha.yaml").stat().st_mode)
    assert mode == 0o644, oct(mode)
    (kb / "updates/alpha.yaml").chmod(0o664)  # a mode the operator chose is kept on the next write
    assert main(["update", "alpha", "1", "--note", "More.", "--by", "ann-lead", "--kb", str(kb)]) == 0
    assert stat.S_IMODE((kb / "updates/alpha.yaml").stat().st_mode) == 0o664


def test_notes_keep_zwj_and_zwnj_but_lose_controls_and_bidi_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb = kb_with(tmp_path, {})
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by ZWJ
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham", with a ZWNJ
    note = f"Met the {family} family; said {persian}.\x07 Paid \u202eSU$001\u202c.\u2066x\u2069"
    assert main(["update", "alpha", "1", "--note", note, "--by", "ann-lead", "--kb", str(kb)]) == 0
    recorded = loader.load_knowledge_base(kb).plans["alpha"].action("1").updates[-1].text
    assert recorded == f"Met the {family} family; said {persian}. Paid SU$001.x"


def test_a_large_file_with_pyyamls_own_shared_aliases_still_parses() -> None:
    source = {"seed": "s", "quote": "q", "location": "p. 1"}
    rows = [{"id": str(i), "text": f"action {i}", "source": source} for i in range(30_000)]
    text = yamlio.dump({"plan": {"id": "big", "actions": rows}})
    assert text.count("*id001") == 29_999  # PyYAML writes the shared mapping once and aliases it
    assert yamlio.parse(text)["plan"]["actions"][-1]["source"] == source


def test_a_running_server_refuses_a_smaller_bomb_on_reload_with_a_short_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """serve's reload: 7 levels (4.8 million strings) used to be logged in full, tens of MB a reload."""
    from bot.slack.reload import EngineHolder

    kb = kb_with(tmp_path, {})
    holder = EngineHolder(kb)
    try:
        good = holder.engine
        bomb = alias_bomb().replace(", &h [*g,*g,*g,*g,*g,*g,*g,*g,*g], &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]", "")
        assert "&g" in bomb and "&h" not in bomb
        (kb / "plans/bomb.yaml").write_text(bomb)
        with caplog.at_level("ERROR", logger="bot.slack.reload"):
            assert holder.poll() is False
        assert holder.engine is good
        assert "plans/bomb.yaml:8: (file): not loaded: its aliases (*name)" in caplog.text
        assert len(caplog.text) < 2000
    finally:
        holder.stop()
