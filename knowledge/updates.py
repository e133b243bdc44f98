"""Record progress updates: permission, validation, and an atomic, locked append to the plan's updates file.

Why an append-only updates file per plan (`updates/<plan-id>.yaml`) rather than editing the plan in place:
the hand-written plan files keep their comments, quoting and layout byte for byte; each change is one
self-describing entry (who, when, before, after) that the loader merges into its action; and an append
needs no YAML round-trip library, only the existing bytes plus the new entry, written atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import logging
import os
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from knowledge import facts, locks, paths, yamlio
from knowledge.dates import LONDON, DateSpec, parse_datespec
from knowledge.errors import shown
from knowledge.loader import BUNDLED
from knowledge.models import STATUSES, Action, KnowledgeBase

log = logging.getLogger(__name__)
MAX_NOTE = 4000
# Removed from notes: C0/C1 controls (not tab or newline), lone surrogates, non-characters, line and
# paragraph separators, BOM/zero-width no-break space, and the bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) that can make text display differently from what it says.
_STRIP = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]"
)
HEADER = b"# Progress updates recorded by actionbot (append-only; one entry per change).\nupdates:\n"


SharedLock = Callable[[str], contextlib.AbstractContextManager[None]]


class UpdateError(Exception):
    """An update that cannot be recorded; the message is meant for the person who tried."""


READ_ONLY = (
    "The bundled knowledge base is read-only demo data, part of the installed code, so nothing was recorded. "
    "Copy it to a directory of your own (`actionbot init-kb DIR`) and point actionbot at it with --kb DIR "
    "or ACTIONBOT_KB=DIR."
)


def is_bundled(root: Path) -> bool:
    """Whether `root` is (inside) the knowledge base shipped inside the installed package."""
    try:
        root.resolve().relative_to(BUNDLED.resolve())
    except (ValueError, OSError):
        return False
    return True


def refuse_bundled(root: Path) -> None:
    """Raise UpdateError if `root` is the bundled knowledge base: no command writes into the installed code."""
    if is_bundled(root):
        raise UpdateError(READ_ONLY)


@dataclass(frozen=True)
class UpdateRequest:
    plan: str
    action: str
    by: str  # person id
    note: str
    status: str | None = None
    revised_due: str | None = None  # a knowledge-base date: "2026-03-31", "2026-03", "FY2026/27"
    reason: str | None = None
    slack_user: str | None = None


def find_action(kb: KnowledgeBase, plan_id: str, action_id: str) -> Action:
    """The action; raises UpdateError naming what exists."""
    plan = kb.plans.get(plan_id)
    if plan is None:
        raise UpdateError(f"There is no plan {plan_id!r}. Plans: {', '.join(sorted(kb.plans))}.")
    try:
        return plan.action(action_id)
    except KeyError:
        ids = ", ".join(a.id for a in plan.actions[:20])
        raise UpdateError(f"There is no action {action_id!r} in {plan_id}. Its actions: {ids}.") from None


def who_may_update(kb: KnowledgeBase, action: Action) -> list[str]:
    """Person ids allowed to update this action: its leads (or the holders of its lead roles) and plan editors."""
    people = [p for ref in action.leads for p in kb.people_behind(ref)]
    return list(dict.fromkeys([*people, *kb.plans[action.plan].editors]))


def check_permission(kb: KnowledgeBase, action: Action, person: str | None) -> None:
    """Raise UpdateError with a polite refusal naming who can update, unless `person` may."""
    allowed = who_may_update(kb, action)
    if person is not None and person in allowed:
        return
    names = ", ".join(kb.people[p].name for p in allowed) or "no one is named as lead or editor"
    who = kb.people[person].name if person in kb.people else "you"
    raise UpdateError(
        f"Sorry, {who} can't update {action.plan} {action.id}: only its lead(s) or the plan's "
        f"editors can ({names}). Ask one of them, or a coordinator to add you as an editor."
    )


def clean_note(note: str) -> str:
    """The note without control characters or bidi overrides; raises UpdateError if unusable.

    Newlines and tabs stay, and so do invisible characters that carry meaning: the zero-width joiner
    in emoji sequences and the zero-width non-joiner of Persian and Indic scripts.
    """
    cleaned = _STRIP.sub("", note).strip()
    if not cleaned:
        raise UpdateError("Please add a note saying what has happened.")
    if len(cleaned) > MAX_NOTE:
        raise UpdateError(
            f"That note is {len(cleaned):,} characters; please keep it under {MAX_NOTE:,} "
            "(link to a document for the detail)."
        )
    return cleaned


def validate(kb: KnowledgeBase, req: UpdateRequest, today: dt.date) -> tuple[Action, DateSpec | None]:
    """Check an update request; returns the action and the parsed revised due date. Raises UpdateError."""
    action = find_action(kb, req.plan, req.action)
    if req.by not in kb.people:
        close = difflib.get_close_matches(req.by, list(kb.people), n=3)
        hint = f" Did you mean {' or '.join(close)}?" if close else ""
        raise UpdateError(f"There is no person {req.by!r} in the knowledge base.{hint}")
    check_permission(kb, action, req.by)
    if req.status is not None and req.status not in STATUSES:
        raise UpdateError(f"Unknown status {req.status!r}; use one of: {', '.join(STATUSES)}.")
    if req.status == "complete" and facts.recorded_status(action) == "complete":
        last = next((u for u in reversed(action.updates) if u.status == "complete"), None)
        when = f" on {last.date.describe()}" if last else ""
        by = f" by {kb.people[last.by].name}" if last and last.by in kb.people else ""
        raise UpdateError(f"{action.plan} {action.id} is already marked complete{when}{by}; nothing changed.")
    due = None
    if req.revised_due:
        try:
            due = parse_datespec(req.revised_due)
        except ValueError as exc:
            raise UpdateError(f"The revised due date is not a date: {exc}.") from None
        if due.date < today:
            raise UpdateError(f"The revised due date ({due.describe()}) is in the past; give today or a later date.")
        if not (req.reason or "").strip():
            raise UpdateError("Please give a reason for revising the due date.")
    return action, due


def entry_for(kb: KnowledgeBase, req: UpdateRequest, action: Action, now: dt.datetime) -> dict:
    """The YAML entry for an update, with the state before it for the audit trail."""
    due = facts.effective_due(action)
    before = f"status {facts.recorded_status(action)}; due {due.text if due else 'none'}"
    entry: dict = {
        "plan": req.plan,
        "action": req.action,
        "at": now.isoformat(timespec="seconds"),
        "date": now.date().isoformat(),
        "by": req.by,
        "text": clean_note(req.note),
    }
    if req.slack_user:
        entry["slack_user"] = req.slack_user
    if req.status:
        entry["status"] = req.status
    if req.revised_due:
        entry["revised_due"] = parse_datespec(req.revised_due).text
        entry["reason"] = clean_note(req.reason or "")
    entry["before"] = before
    return entry


def record_update(
    root: Path,
    kb: KnowledgeBase,
    req: UpdateRequest,
    now: dt.datetime | None = None,
    shared_lock: SharedLock | None = None,
) -> dict:
    """Validate and append one update to `root/updates/<plan>.yaml`; returns the entry written.

    Raises UpdateError for a refused or invalid update (nothing is written), including any update to the
    bundled, read-only knowledge base, and OSError if the disk write fails (the previous file is left intact).
    `shared_lock(name)`, when given, is held around the file lock: replicas on several hosts sharing the
    knowledge-base directory pass the state store's lock (a PostgreSQL advisory lock), since a file lock on
    network storage may not hold across hosts.
    """
    refuse_bundled(root)
    now = now or dt.datetime.now(LONDON)
    action, _ = validate(kb, req, now.date())
    entry = entry_for(kb, req, action, now)
    text = yamlio.dump([entry]).encode("utf-8")
    if yamlio.parse(text) != [entry]:  # the entry must read back exactly as written
        raise UpdateError("That note could not be stored exactly; please simplify it and try again.")
    try:
        path = paths.inside(root / "updates", f"{req.plan}.yaml")
    except paths.OutsideRoot:
        raise UpdateError(f"There is no plan {shown(req.plan)}.") from None
    with shared_lock(f"kb-update-{req.plan}") if shared_lock else contextlib.nullcontext(), locked(path):
        old = path.read_bytes() if path.exists() else HEADER
        if req.status == "complete":
            _refuse_second_completion(old, req)
        if not old.endswith(b"\n"):
            old += b"\n"
        atomic_write(path, old + text)
    # Who and what, never the note's text (it may hold personal details about a child or family).
    log.info(
        "update recorded: %s %s by %s%s%s",
        req.plan,
        req.action,
        req.by,
        f", status {req.status}" if req.status else "",
        f", due revised to {entry['revised_due']}" if "revised_due" in entry else "",
    )
    return entry


def _refuse_second_completion(current: bytes, req: UpdateRequest) -> None:
    """Under the lock: a second "Mark complete" (a double click, two tabs) records nothing."""
    entries = (yamlio.parse(current) or {}).get("updates") or []
    mine = [
        e
        for e in entries
        if isinstance(e, dict) and e.get("plan") == req.plan and str(e.get("action")) == req.action and e.get("status")
    ]
    if mine and mine[-1].get("status") == "complete":
        raise UpdateError(
            f"{req.plan} {req.action} was already marked complete at {mine[-1].get('at')}; nothing changed."
        )


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside `path`, across threads and processes, held for a read-modify-write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locks.exclusive(path.parent / f".{path.name}.lock"):
        yield


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that readers see the old file or the new one, never a part.

    A new file gets the usual permissions for the user's umask (0644 for umask 022), as any file the
    user creates; a replaced file keeps its own.
    """
    fd, tmp = _new_temp(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if os.name == "posix":  # make the rename itself durable (Windows cannot open a directory)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _new_temp(path: Path) -> tuple[int, Path]:
    """A new, empty file beside `path`, created with mode 0666 less the umask (not mkstemp's 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
