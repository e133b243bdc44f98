"""The state store, the same tests against SQLite and PostgreSQL: events, people, reminders, migrations, locks."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.remind import RemindStore
from bot.state import Busy, PostgresState, State, StateError, open_store

Factory = Callable[[], State | PostgresState]


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factory]:
    """Opens another handle on ONE store (another replica, with its own connections)."""
    opened: list[State | PostgresState] = []
    target = str(tmp_path / "state.db") if request.param == "sqlite" else request.getfixturevalue("postgres_dsn")

    def make() -> State | PostgresState:
        store = open_store({"ACTIONBOT_STATE": target, "ACTIONBOT_DATA": str(tmp_path / "data")})
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def test_an_event_is_first_only_once_across_replicas(new_store: Factory) -> None:
    one, two = new_store(), new_store()
    assert one.first_time("Ev1") is True
    assert two.first_time("Ev1") is False
    assert two.first_time("Ev2") is True


def test_racing_threads_on_two_replicas_agree_on_one_winner(new_store: Factory) -> None:
    stores = [new_store(), new_store()]
    results: list[bool] = []
    barrier = threading.Barrier(6)

    def claim(i: int) -> None:
        barrier.wait()
        results.append(stores[i % 2].first_time("EvRace"))

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 5 + [True]


def test_old_events_are_forgotten_and_times_keep_their_precision(new_store: Factory) -> None:
    store = new_store()
    store.first_time("EvOld", now=1000.0)
    store.first_time("EvNew", now=5000.0)
    assert store.forget_events(older_than=100, now=5050.0) == 1
    assert store.first_time("EvOld") is True and store.first_time("EvNew") is False
    store.remember_person("U1", "ann-lead", "ann@example.org", now=1795804506.4149458)
    assert store.slack_person("U1").resolved_at == 1795804506.4149458  # not a 4-byte REAL in PostgreSQL


def test_slack_people_are_remembered_and_replaced(new_store: Factory) -> None:
    store = new_store()
    assert store.slack_person("U1") is None
    store.remember_person("U1", None, None, now=10.0)
    store.remember_person("U1", "ann-lead", "ann@example.org", now=11.0)
    person = new_store().slack_person("U1")
    assert (person.person, person.email, person.resolved_at) == ("ann-lead", "ann@example.org", 11.0)


def test_reminder_tables_snoozes_pauses_and_sent_records(new_store: Factory) -> None:
    reminders = RemindStore(new_store())
    reminders.snooze("alpha", "1", dt.date(2020, 1, 27), "ann-lead")
    reminders.snooze("alpha", "1", dt.date(2020, 2, 3), None)  # a second snooze moves the date
    assert reminders.snoozed(dt.date(2020, 2, 1)) == {("alpha", "1")}
    assert reminders.snoozed(dt.date(2020, 2, 4)) == frozenset()
    reminders.pause("ann-lead")
    reminders.pause("ann-lead")
    assert reminders.paused() == {"ann-lead"}
    reminders.resume("ann-lead")
    assert reminders.paused() == set()
    reminders.mark("ann-lead", "2020-W04", "sending")
    reminders.mark("ann-lead", "2020-W04", "sent", "D1", "1.1")
    reminders.mark("ann-lead", "2020-W04", "sent")  # keeps the channel and ts already recorded
    other = RemindStore(new_store())
    assert other.status("ann-lead", "2020-W04") == ("sent", "D1", "1.1")
    other.remember_email("Ann@Example.org", "U1")
    other.remember_email("ann@example.org", "U2")
    assert reminders.slack_user_for_email("ANN@example.org") == (True, "U2")


def test_migrations_apply_each_step_once_and_record_the_version(new_store: Factory) -> None:
    store = new_store()
    steps = ["CREATE TABLE IF NOT EXISTS widgets (id TEXT PRIMARY KEY);"]
    store.migrate("widgets", steps)
    store.connect().execute("INSERT INTO widgets (id) VALUES (?)", ("w1",))
    assert store.version("widgets") == 1
    # a later release adds a column: only the new step runs (the first has CREATE only; running it again
    # would be harmless, but a step like ALTER TABLE would fail if run twice)
    steps.append("ALTER TABLE widgets ADD COLUMN colour TEXT;")
    new_store().migrate("widgets", steps)
    new_store().migrate("widgets", steps)
    assert store.version("widgets") == 2
    assert store.connect().execute("SELECT id, colour FROM widgets").fetchall() == [("w1", None)]


def test_a_failed_migration_step_changes_nothing_and_is_not_recorded(new_store: Factory) -> None:
    store = new_store()
    bad = ["CREATE TABLE IF NOT EXISTS gadgets (id TEXT PRIMARY KEY); ALTER TABLE no_such_table ADD COLUMN x TEXT;"]
    with pytest.raises(Exception):  # noqa: B017 - sqlite3.Error or psycopg.Error, whichever the store raises
        store.migrate("gadgets", bad)
    assert store.version("gadgets") == 0
    store.close()
    store = new_store()
    store.migrate("gadgets", ["CREATE TABLE gadgets (id TEXT PRIMARY KEY);"])  # no half-made table in the way
    assert store.version("gadgets") == 1


def test_migrations_from_racing_replicas_apply_once(new_store: Factory) -> None:
    steps = ["CREATE TABLE counters (n INTEGER);", "INSERT INTO counters VALUES (1);"]
    stores = [new_store() for _ in range(4)]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def go(store: State | PostgresState) -> None:
        barrier.wait()
        try:
            store.migrate("counters", steps)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert stores[0].connect().execute("SELECT COUNT(*) FROM counters").fetchone()[0] == 1


def test_the_exclusive_lock_refuses_a_second_holder_and_frees_on_exit(new_store: Factory) -> None:
    one, two = new_store(), new_store()
    with one.exclusive("remind", wait=False):
        with pytest.raises(Busy), two.exclusive("remind", wait=False):
            pass
        with two.exclusive("something-else", wait=False):
            pass
    with two.exclusive("remind", wait=False):
        pass


def test_ping_and_describe(new_store: Factory) -> None:
    store = new_store()
    store.ping()
    assert store.describe().startswith(("SQLite ", "PostgreSQL "))


def test_postgres_url_password_is_never_shown(postgres_server: str) -> None:
    from bot import pg

    assert pg.redacted("postgresql://bot:s3cret-pw@db.example:5432/actionbot") == (
        "postgresql://bot:***@db.example:5432/actionbot"
    )
    with pytest.raises(StateError) as caught:
        open_store({"ACTIONBOT_STATE": "postgresql://bot:s3cret-pw@127.0.0.1:1/none?connect_timeout=2"})
    assert "s3cret-pw" not in str(caught.value) and "cannot connect to PostgreSQL" in str(caught.value)


def test_a_url_that_is_not_postgresql_is_refused_with_the_fix() -> None:
    with pytest.raises(StateError, match="postgresql://"):
        open_store({"ACTIONBOT_STATE": "mysql://x@y/z"})


def test_a_postgresql_store_reconnects_after_the_server_drops_its_connection(postgres_dsn: str) -> None:
    from bot import pg

    store = PostgresState(postgres_dsn)
    assert store.first_time("EvA") is True
    admin = pg.Connection(postgres_dsn)
    try:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
    finally:
        admin.close()
    with pytest.raises(pg.Error):
        store.first_time("EvB")  # the call that finds the connection gone fails ...
    assert store.first_time("EvC") is True  # ... and the next one runs on a new connection
    assert store.first_time("EvA") is False
    store.close()


def test_email_sends_are_recorded_in_either_store(new_store: Factory) -> None:
    """The email digests' records (issue 16) live in the same store, SQLite or PostgreSQL."""
    from bot.remind_email import EmailStore

    one, two = EmailStore(new_store()), EmailStore(new_store())
    assert one.email_status("ann-lead", "2026-W48") is None
    one.mark_email("ann-lead", "2026-W48", "sending", "ann@example.org", "<m1@actionbot>")
    seen = two.email_status("ann-lead", "2026-W48")
    assert seen is not None and seen.status == "sending" and seen.message_id == "<m1@actionbot>"
    two.mark_email("ann-lead", "2026-W48", "sent", "ann@example.org", "<m1@actionbot>")
    assert one.email_status("ann-lead", "2026-W48").status == "sent"
