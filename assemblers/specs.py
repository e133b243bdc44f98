"""Template descriptions (<name>.yaml beside <name>.md.j2): name, purpose, inputs, styles."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import templates
from assemblers.errors import AssemblyError
from assemblers.render import SUFFIX
from knowledge import yamlio
from knowledge.errors import shown
from knowledge.paths import OutsideRoot, inside

DEFAULT_DIR = Path(templates.__file__).resolve().parent
INPUTS = ("meeting", "item", "plan", "today")
MAX_FILE_BYTES = 1024 * 1024  # a template or its description
SUFFIXES = {SUFFIX: "markdown", ".docx": "docx"}


@dataclass(frozen=True)
class TemplateSpec:
    """A template's description; `required` and `optional` map input names to what they mean."""

    name: str
    purpose: str
    required: dict[str, str]
    optional: dict[str, str]
    styles: tuple[str, ...]
    template: Path
    description: Path
    needs_written_report: bool = False  # refuse an agenda item the knowledge base records no written report for
    kind: str = "markdown"  # "markdown" (<name>.md.j2) or "docx" (<name>.docx with Jinja tags, via docxtpl)

    def missing(self, given: dict[str, object]) -> list[str]:
        """Return the required inputs `given` leaves out (None)."""
        return [name for name in self.required if given.get(name) is None]


def search_path(templates_dir: Path | None) -> list[Path]:
    """Return where templates are looked for: the given directory first, then the bundled one."""
    dirs = [Path(templates_dir)] if templates_dir is not None else []
    return [*dirs, DEFAULT_DIR] if DEFAULT_DIR not in dirs else dirs


def available(directories: Sequence[Path]) -> dict[str, TemplateSpec]:
    """Return {name: spec} of every described template, the first directory winning a name."""
    specs: dict[str, TemplateSpec] = {}
    for directory in reversed(directories):
        for path in sorted(directory.glob("*.yaml")):
            spec = load_spec(path)
            specs[spec.name] = spec
    return dict(sorted(specs.items()))


def find(name: str, directories: Sequence[Path]) -> TemplateSpec:
    """Return the spec of template `name`; raises AssemblyError with "did you mean" when there is none."""
    specs = available(directories)
    if name in specs:
        return specs[name]
    close = difflib.get_close_matches(name, list(specs), n=2, cutoff=0.7)
    hint = f"Did you mean {' or '.join(close)}?" if close else f"Templates: {', '.join(specs) or 'none'}."
    raise AssemblyError(f"there is no template {name!r}.", hint + " Run `actionbot templates` to list them.")


def load_spec(path: Path) -> TemplateSpec:
    """Return the description in `path`; raises AssemblyError naming the file and what is wrong."""
    try:
        _check_size(path)
        data = yamlio.parse(path.read_text(encoding="utf-8"))
    except (OSError, yamlio.YAMLError, UnicodeDecodeError) as exc:
        raise AssemblyError(f"cannot read the template description {path}: {exc}.", "Fix the file.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not isinstance(data.get("purpose"), str):
        raise AssemblyError(f"the template description {path} needs a name and a purpose.", "See templates/README.md.")
    inputs = data.get("inputs") or {}
    required, optional = dict(inputs.get("required") or {}), dict(inputs.get("optional") or {})
    unknown = sorted((set(required) | set(optional)) - set(INPUTS))
    if unknown:
        raise AssemblyError(
            f"the template description {path} names unknown inputs: {', '.join(unknown)}.",
            f"Inputs are {', '.join(INPUTS)}.",
        )
    try:
        candidates = [(inside(path.parent, data["name"] + suffix), kind) for suffix, kind in SUFFIXES.items()]
    except OutsideRoot:
        raise AssemblyError(
            f"the template description {path} names {shown(data['name'])}, which is not a file beside it.",
            "A template's name is its file name without .md.j2 or .docx.",
        ) from None
    found = [(template, kind) for template, kind in candidates if template.is_file()]
    if len(found) != 1:
        names = " or ".join(template.name for template, _ in candidates)
        raise AssemblyError(
            f"the template description {path} needs exactly one template beside it ({names}); found {len(found)}.",
            "Add the template, or remove the description.",
        )
    template, kind = found[0]
    _check_size(template)
    styles = tuple(str(s) for s in data.get("styles") or ())
    return TemplateSpec(
        data["name"],
        " ".join(data["purpose"].split()),
        required,
        optional,
        styles,
        template,
        path,
        bool(data.get("needs_written_report", False)),
        kind,
    )


def _check_size(path: Path) -> None:
    """Raise AssemblyError naming `path` if it is over MAX_FILE_BYTES."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise AssemblyError(
            f"the template file {path} is {size:,} bytes; the most is {MAX_FILE_BYTES:,}.",
            "A template is a page or two of Markdown; put long text in the knowledge base.",
        )
