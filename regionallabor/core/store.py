"""The Arbeitsmappe: one SQLite file per team that holds all of its records.

Every Voila page runs in its own kernel, and a team may have several pages open
at once. So:

* each write is its own transaction (``BEGIN IMMEDIATE``), in WAL mode, and a
  process killed in the middle leaves the old or the new state;
* each record carries a ``version``: the workbook-wide revision at which it was
  last written. A write names the version it was based on and is refused with
  :class:`StaleRecordError` if another kernel has written the record since;
* the workbook's ``revision`` grows with every write, so a page can notice
  cheaply that another page changed something and reload;
* every record knows who wrote it last (the person a page was opened by, see
  :func:`current_person`), and nothing a write replaces or removes is lost: the
  earlier state goes to the ``history`` table, from which :meth:`Arbeitsmappe.restore`
  brings back any version and any removed record (the Papierkorb).

The schema version lives in SQLite's ``user_version``; older files are migrated
forward on opening (after a backup copy), newer ones are refused untouched.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import ValidationError

from regionallabor.core.environment import on_binder
from regionallabor.core.messages import t
from regionallabor.core.model import RECORD_TYPES, Record, SingletonRecord

SCHEMA_VERSION = 4
WORKBOOK_FILENAME = "arbeitsmappe.sqlite3"
BUSY_TIMEOUT_MS = 15_000
KINDS_KEPT = 64  # how many of its own writes a workbook object remembers the kinds of
PERSON_VARIABLE = "REGIONALLABOR_PERSON"  # set for each page's kernel by serving.set_page_person
# One person's changes to one record within this many seconds are one version in its history: a text
# saved as it is typed leaves the state before the typing, not one version per pause.
VERSION_WINDOW_SECONDS = 120
STATE_DIGITS = 20  # of a state's fingerprint: 80 bits, no two states of a team's records collide
REMOVED_STATE = "0" * STATE_DIGITS  # the state "removed": known to a workbook that removed the record or saw it removed

R = TypeVar("R", bound=Record)
log = logging.getLogger(__name__)


def storage_problem(error: Exception, folder: Path | None = None) -> str:
    """What went wrong with the file in ``folder``, in German: busy, full, read-only – or SQLite's own words.

    SQLite says only "unable to open database file" where a folder is read-only: the folder is asked then.
    """
    text = str(error).lower()
    if folder is not None and folder.exists() and not os.access(folder, os.W_OK):
        return t("workbook.read_only")
    if "locked" in text or "busy" in text:
        return t("workbook.busy")
    if "full" in text or getattr(error, "errno", None) == 28:  # ENOSPC
        return t("workbook.disk_full")
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return t("workbook.read_only")
    return t("workbook.write_failed", detail=str(error))


class WorkbookError(Exception):
    """A problem a team should read about: the message is German and complete."""


class StaleRecordError(WorkbookError):
    """The record was changed (or removed) by someone else since it was read.

    ``attempted`` is the state the refused write would have stored, so the page can show it beside the saved one.
    """

    def __init__(self, kind: str, record_id: str, attempted: Record | None = None):
        super().__init__(t("stale_reloaded"))
        self.kind = kind
        self.record_id = record_id
        self.attempted = attempted


class NewerSchemaError(WorkbookError):
    def __init__(self, found: int):
        super().__init__(t("workbook.newer_schema", found=found, known=SCHEMA_VERSION))
        self.found = found


@dataclass(frozen=True)
class Stored(Generic[R]):
    """A record as the store holds it, with the version a later write must name."""

    record: R
    version: int
    updated_at: str
    updated_by: str | None = None


@dataclass(frozen=True)
class OpenPage:
    """A page open on the workbook now: whose, which module (0 the start page), last seen (seconds since epoch)."""

    page: str
    person: str | None
    module: int
    seen_at: float


@dataclass(frozen=True)
class EarlierVersion(Generic[R]):
    """A state a record had before a write replaced or removed it: one entry of its history."""

    entry: int  # the history's own number, what :meth:`Arbeitsmappe.restore` takes
    record: R
    updated_at: str  # when this state was written …
    updated_by: str | None  # … and by whom
    replaced_at: str  # when it was replaced or removed, and by whom
    replaced_by: str | None
    removed: bool
    revision: int  # the workbook's revision of the write that replaced it


def current_person() -> str | None:
    """Who is working in this kernel: the name the page was opened by (on a hub, the member's), if known."""
    return os.environ.get(PERSON_VARIABLE, "").strip()[:80] or None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute(
        "CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,"
        " version INTEGER NOT NULL, PRIMARY KEY (kind, id))"
    )
    conn.execute("INSERT INTO meta VALUES ('revision', '0')")


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    # When a record was last written: the start page shows it per module.
    conn.execute("ALTER TABLE records ADD COLUMN updated_at TEXT")
    conn.execute("UPDATE records SET updated_at = ?", (_now(),))


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    # Who wrote a record last, and every state a write replaced or removed.
    conn.execute("ALTER TABLE records ADD COLUMN updated_by TEXT")
    conn.execute(
        "CREATE TABLE history (entry INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL,"
        " data TEXT NOT NULL, updated_at TEXT, updated_by TEXT, replaced_at TEXT NOT NULL, replaced_by TEXT,"
        " removed INTEGER NOT NULL, revision INTEGER NOT NULL)"
    )
    conn.execute("CREATE INDEX history_record ON history (kind, id)")
    conn.execute("CREATE INDEX history_removed ON history (removed, revision)")


def _migrate_to_4(conn: sqlite3.Connection) -> None:
    # States of records that came in from a workbook file or went out in one (see core.merge): with the
    # history they tell which side of a merge changed a record.
    conn.execute(
        "CREATE TABLE known_states (kind TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL,"
        " PRIMARY KEY (kind, id, state)) WITHOUT ROWID"
    )
    # The pages open now: who has which module open, as of the page's last sign of life (see Arbeitsmappe.present)
    conn.execute("CREATE TABLE presence (page TEXT PRIMARY KEY, person TEXT, module INTEGER, seen_at REAL NOT NULL)")


MIGRATIONS = {1: _migrate_to_1, 2: _migrate_to_2, 3: _migrate_to_3, 4: _migrate_to_4}

# A record's key in the whole workbook, and what it knows of each record's states (see state_of)
RecordKey = tuple[str, str]
KnownStates = dict[RecordKey, set[str]]


def state_of(record: Record) -> str:
    """A short fingerprint of a record's content: equal for equal content, in every workbook."""
    return hashlib.sha256(record.model_dump_json().encode()).hexdigest()[:STATE_DIGITS]


def default_home() -> Path:
    """Where workbooks live unless ``REGIONALLABOR_HOME`` says otherwise."""
    configured = os.environ.get("REGIONALLABOR_HOME")
    if configured:
        return Path(configured).expanduser()
    if on_binder():
        # Binder's home is the session folder; it is deleted with the session either way.
        return Path.home() / "arbeitsmappe"
    from platformdirs import user_data_dir

    return Path(user_data_dir("regionallabor", appauthor=False))


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    if readonly and not os.access(path.parent, os.W_OK):
        # A read-only folder (a locked stick, a mount): SQLite cannot make the WAL's index file beside the
        # workbook, so it reads the file as it is – nobody can change it there anyway.
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def create_private(path: Path) -> None:
    """A new file only its owner may read, whatever the umask (on a shared hub, a laptop's shared account).

    SQLite gives a workbook's -wal and -shm files the mode of the workbook itself. A file that exists
    keeps its mode; an error is left to SQLite, which reports it on connecting.
    """
    with suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def schema_version_of(path: Path) -> int:
    conn = _connect(path, readonly=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Run the forward migrations from the file's version up to ``target``, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        for version in range(current + 1, target + 1):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


class Arbeitsmappe:
    """A team's workbook. Open one per kernel; they coordinate through the file."""

    def __init__(self, path: Path | str, person: str | None = None):
        self.path = Path(path)
        self.person = person or current_person()
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self.path.exists() and self.path.stat().st_size > 0:
            try:
                found = schema_version_of(self.path)
            except sqlite3.DatabaseError as error:
                raise WorkbookError(t("workbook.unreadable", path=self.path, detail=error)) from error
            if found > SCHEMA_VERSION:
                raise NewerSchemaError(found)
            if 0 < found < SCHEMA_VERSION:
                self._backup_file(f"vor-migration-schema-{found}")
        self._lock = threading.RLock()
        self._kinds_written: dict[int, frozenset[str]] = {}  # revision → kinds, of this object's recent writes
        if self.path.exists() and not os.access(self.path.parent, os.W_OK):
            self._conn = _connect(self.path, readonly=True)  # every write is refused with storage_problem()
            return
        create_private(self.path)
        try:
            self._conn = _connect(self.path)
            self._conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:  # a new workbook in a folder nobody may write to
            raise WorkbookError(storage_problem(error, self.path.parent)) from error
        # FULL: a committed write survives a power cut too, not only a killed process.
        self._conn.execute("PRAGMA synchronous = FULL")
        if self._conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            migrate(self._conn)

    @classmethod
    def open_default(cls) -> Arbeitsmappe:
        return cls(default_home() / WORKBOOK_FILENAME)

    def close(self) -> None:
        self._conn.close()

    @property
    def backup_dir(self) -> Path:
        return self.path.parent / "sicherungen"

    def _backup_file(self, label: str) -> Path:
        """A complete copy under ``sicherungen/``, or none: written beside, checked, then given its name.

        Names carry the time to the microsecond and never replace an earlier backup. A full disk or a
        read-only folder raises WorkbookError with a German message and leaves no half-written file.
        """
        stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}"
        target = self.backup_dir / f"{self.path.stem}-{label}-{stamp}.sqlite3"
        for number in range(2, 1000):
            if not target.exists():
                break
            target = self.backup_dir / f"{self.path.stem}-{label}-{stamp}-{number}.sqlite3"
        partial = target.with_name(target.name + ".teil")
        source = None
        try:
            self.backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            source = _connect(self.path, readonly=True)
            create_private(partial)
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                if dest.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("integrity_check")
            finally:
                dest.close()
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as error:
            with suppress(OSError):  # on a read-only folder there is nothing to remove
                partial.unlink(missing_ok=True)
            raise WorkbookError(
                t("workbook.backup_failed", folder=self.backup_dir, detail=storage_problem(error, self.backup_dir))
            ) from error
        finally:
            if source is not None:
                source.close()
        return target

    # reading

    def revision(self) -> int:
        """Grows with every write by any kernel: compare it to notice changes."""
        with self._lock:
            return int(self._conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    def get(self, cls: type[R], record_id: str | None = None) -> Stored[R] | None:
        if record_id is None:
            record_id = cls.SINGLETON_ID if issubclass(cls, SingletonRecord) else None
        with self._lock:
            row = self._conn.execute(
                "SELECT data, version, updated_at, updated_by FROM records WHERE kind = ? AND id = ?",
                (cls.KIND, record_id),
            ).fetchone()
        return Stored(cls.model_validate_json(row[0]), *row[1:]) if row else None

    def list(self, cls: type[R]) -> list[Stored[R]]:
        """All records of a kind, in the order they were first added."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT data, version, updated_at, updated_by FROM records WHERE kind = ? ORDER BY rowid", (cls.KIND,)
            ).fetchall()
        return [Stored(cls.model_validate_json(row[0]), *row[1:]) for row in rows]

    def count_kind(self, kind: str) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM records WHERE kind = ?", (kind,)).fetchone()[0]

    def last_change(self, kinds: list[str]) -> str | None:
        marks = ",".join("?" * len(kinds))
        with self._lock:
            return self._conn.execute(f"SELECT max(updated_at) FROM records WHERE kind IN ({marks})", kinds).fetchone()[
                0
            ]

    # writing

    @contextmanager
    def transaction(self) -> Iterator[_Transaction]:
        """Several writes that land together or not at all.

        SQLite's own failures – another page holding the lock past the busy timeout, a full disk, a
        read-only folder – become a WorkbookError with a German message; nothing of the transaction stays.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise WorkbookError(storage_problem(error, self.path.parent)) from error
            try:
                revision = int(self._conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0]) + 1
                tx = _Transaction(self._conn, revision, self.person)
                yield tx
                self._conn.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
                self._conn.execute("COMMIT")
                self._kinds_written[revision] = frozenset(tx.kinds)
                if len(self._kinds_written) > KINDS_KEPT:
                    del self._kinds_written[next(iter(self._kinds_written))]
            except BaseException as error:
                # SQLite may have rolled back already (a full disk does): ROLLBACK would then hide the cause.
                if self._conn.in_transaction:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        log.warning("ROLLBACK nach %r fehlgeschlagen", error, exc_info=True)
                if isinstance(error, sqlite3.OperationalError):
                    raise WorkbookError(storage_problem(error, self.path.parent)) from error
                raise

    def kinds_at(self, revision: int) -> frozenset[str]:
        """The record kinds this workbook object's own write at ``revision`` touched (empty if not its write)."""
        return self._kinds_written.get(revision, frozenset())

    def add(self, record: R) -> Stored[R]:
        with self.transaction() as tx:
            return tx.add(record)

    def update(self, record: R, version: int) -> Stored[R]:
        with self.transaction() as tx:
            return tx.update(record, version)

    def save(self, record: R, version: int | None) -> Stored[R]:
        """Add the record if ``version`` is None, else update it from that version."""
        with self.transaction() as tx:
            return tx.add(record) if version is None else tx.update(record, version)

    def delete(self, cls: type[Record], record_id: str, version: int) -> int:
        """Remove the record if it is still at ``version``; return the workbook's new revision."""
        with self.transaction() as tx:
            tx.delete(cls, record_id, version)
        return tx.revision

    # who is here: pages write a sign of life outside the records – no revision, no reload anywhere

    def mark_present(self, page: str, module: int, now: float) -> None:
        """This page (a kernel) is open on ``module``; a read-only or busy workbook simply shows nobody.
        Pages silent for an hour (a kernel that was killed) are forgotten."""
        self._presence("INSERT OR REPLACE INTO presence VALUES (?, ?, ?, ?)", (page, self.person, module, now))
        self._presence("DELETE FROM presence WHERE seen_at < ?", (now - 3600,))

    def leave(self, page: str) -> None:
        self._presence("DELETE FROM presence WHERE page = ?", (page,))

    def present(self, since: float) -> list[OpenPage]:
        """The pages that gave a sign of life since ``since``, by module and person."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT page, person, module, seen_at FROM presence WHERE seen_at >= ? ORDER BY module, person",
                (since,),
            ).fetchall()
        return [OpenPage(*row) for row in rows]

    def _presence(self, sql: str, values: tuple) -> None:
        with self._lock, suppress(sqlite3.Error):
            self._conn.execute(sql, values)

    # history and Papierkorb

    def recently_changed(self, limit: int = 12) -> list[Stored]:
        """The records written last, newest first, of every kind this course knows."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT kind, data, version, updated_at, updated_by FROM records ORDER BY version DESC, rowid LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            Stored(RECORD_TYPES[kind].model_validate_json(data), *rest)
            for kind, data, *rest in rows
            if kind in RECORD_TYPES
        ]

    def history(self, cls: type[R], record_id: str) -> list[EarlierVersion[R]]:
        """The record's earlier states, newest first (its current one is :meth:`get`)."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_HISTORY_COLUMNS} FROM history WHERE kind = ? AND id = ? ORDER BY entry DESC",
                (cls.KIND, record_id),
            ).fetchall()
        return [earlier for row in rows if (earlier := _earlier(cls, row))]

    def papierkorb(self, limit: int = 50) -> list[list[EarlierVersion]]:
        """Removed records that are not back, newest removal first; those removed together in one group.

        A group is what one action removed – an actor with its relations, a goal with its impact logic – and
        :meth:`restore` brings it back as a whole. Kinds this version of the course does not know are left out.
        """
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_HISTORY_COLUMNS}, kind FROM history AS h WHERE removed = 1"
                " AND NOT EXISTS (SELECT 1 FROM records AS r WHERE r.kind = h.kind AND r.id = h.id)"
                " AND entry = (SELECT max(entry) FROM history AS l WHERE l.kind = h.kind AND l.id = h.id)"
                " ORDER BY revision DESC, entry"
            ).fetchall()
        groups: dict[int, list[EarlierVersion]] = {}
        for *row, kind in rows:
            earlier = _earlier(RECORD_TYPES[kind], row) if kind in RECORD_TYPES else None
            if earlier and (earlier.revision in groups or len(groups) < limit):
                groups.setdefault(earlier.revision, []).append(earlier)
        return list(groups.values())

    def restore(self, cls: type[R], entry: int) -> Stored[R]:
        """Bring back the state of history ``entry``: an earlier version, or a removed record with whatever
        was removed together with it. The state it replaces is kept in the history in turn."""
        with self.transaction() as tx:
            row = tx.conn.execute(
                f"SELECT {_HISTORY_COLUMNS} FROM history WHERE entry = ? AND kind = ?", (entry, cls.KIND)
            ).fetchone()
            if row is None:
                raise WorkbookError(t("history.unknown_version"))
            chosen = _earlier(cls, row)
            if chosen is None:
                raise WorkbookError(t("history.unknown_version"))
            restored = self._put_back(tx, chosen)
            if chosen.removed:
                for earlier in self._removed_with(tx, chosen):
                    self._put_back(tx, earlier)
        return restored

    @staticmethod
    def _put_back(tx: _Transaction, earlier: EarlierVersion[R]) -> Stored[R]:
        row = tx.conn.execute(
            "SELECT version FROM records WHERE kind = ? AND id = ?", (earlier.record.KIND, earlier.record.id)
        ).fetchone()
        if row is None:
            return tx.add(earlier.record)
        return tx.update(earlier.record, row[0], keep_every_version=True)

    @staticmethod
    def _removed_with(tx: _Transaction, chosen: EarlierVersion) -> list[EarlierVersion]:
        rows = tx.conn.execute(
            f"SELECT {_HISTORY_COLUMNS}, kind FROM history AS h WHERE removed = 1 AND revision = ? AND entry != ?"
            " AND NOT EXISTS (SELECT 1 FROM records AS r WHERE r.kind = h.kind AND r.id = h.id) ORDER BY entry",
            (chosen.revision, chosen.entry),
        ).fetchall()
        found = [_earlier(RECORD_TYPES[kind], row) for *row, kind in rows if kind in RECORD_TYPES]
        return [earlier for earlier in found if earlier]

    # the whole workbook

    def export_data(self, known_states: bool = False) -> dict:
        """Everything in the workbook, as plain data for a JSON file.

        With ``known_states`` the file also carries the fingerprints of every earlier state of every record (also
        of removed ones) – what a merge of the file into another workbook needs – and the workbook remembers
        the states it gave away.
        """
        with self._lock:
            rows = self._conn.execute("SELECT kind, data FROM records ORDER BY kind, rowid").fetchall()
        records: dict[str, list] = {kind: [] for kind in RECORD_TYPES}
        for kind, data in rows:
            records.setdefault(kind, []).append(json.loads(data))
        data = {
            "format": "regionallabor-arbeitsmappe",
            "schema_version": SCHEMA_VERSION,
            "exported_at": _now(),
            "records": records,
        }
        if known_states:
            known = self.known_states()
            data["known_states"] = _known_as_data(known)
            self._remember_current()
        return data

    def known_states(self) -> KnownStates:
        """Every state of every record this workbook has had, holds, or has exchanged with a file: by record key.

        A removed record keeps its key here (its history stays), so a merge can tell "removed" from "never seen".
        """
        known: KnownStates = {}
        with self._lock:
            rows = self._conn.execute(
                "SELECT kind, id, data, 0 FROM records UNION ALL SELECT kind, id, data, removed FROM history"
            ).fetchall()
            remembered = self._conn.execute("SELECT kind, id, state FROM known_states").fetchall()
        for kind, record_id, data, removed in rows:
            cls = RECORD_TYPES.get(kind)
            if cls is None:
                continue
            states = known.setdefault((kind, record_id), set())
            if removed:
                states.add(REMOVED_STATE)
            with suppress(ValidationError):  # a state this course's models no longer read: not one a file can hold
                states.add(state_of(cls.model_validate_json(data)))
        for kind, record_id, state in remembered:
            known.setdefault((kind, record_id), set()).add(state)
        return known

    def _remember_current(self) -> None:
        """Remember the records' current states as given away (an export); a read-only workbook cannot, and
        needs not – nobody changes it."""
        states = [(s.record.KIND, s.record.id, state_of(s.record)) for s in self._all_records()]
        with self._lock, suppress(sqlite3.Error):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany("INSERT OR IGNORE INTO known_states VALUES (?, ?, ?)", states)
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                self._conn.execute("ROLLBACK")
                raise

    def _all_records(self) -> list[Stored]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT kind, data, version, updated_at, updated_by FROM records ORDER BY rowid"
            ).fetchall()
        return [
            Stored(RECORD_TYPES[kind].model_validate_json(data), *rest)
            for kind, data, *rest in rows
            if kind in RECORD_TYPES
        ]

    def replace_all(self, records: list[Record], known: KnownStates | None = None) -> Path:
        """Replace the workbook's content with ``records`` (already validated); back up first.

        The backup is taken inside the import's write lock: a write from another page lands either
        before it (and is in the backup) or after the import – never in neither. ``known`` are the states
        the file knew of (see :meth:`known_states`); they are remembered for a later merge.
        """
        with self.transaction() as tx:
            # The backup reads through a connection of its own: it sees the last commit, and nobody can commit now.
            backup = self._backup_file("vor-import")
            tx.kinds.update(RECORD_TYPES)
            tx.remove_everything()
            for record in records:
                tx.add(record)
            tx.remember(records, known or {})
        return backup

    def merge(
        self,
        writes: list[Record],
        removals: list[tuple[type[Record], str]],
        expected: dict[RecordKey, str | None],
        known: KnownStates,
    ) -> Path:
        """Write the records a merge takes from a file and remove the ones it removes, together; back up first.

        ``expected`` is the state (:func:`state_of`, None for absent) each touched record had when the merge was
        planned: if another page changed one since, nothing is written and WorkbookError says so.
        """
        with self.transaction() as tx:
            for (kind, record_id), state in expected.items():
                row = tx.conn.execute(
                    "SELECT data FROM records WHERE kind = ? AND id = ?", (kind, record_id)
                ).fetchone()
                now = state_of(RECORD_TYPES[kind].model_validate_json(row[0])) if row else None
                if now != state:
                    raise WorkbookError(t("merge.changed_meanwhile"))
            backup = self._backup_file("vor-zusammenfuehren")
            for cls, record_id in removals:
                row = tx.conn.execute(
                    "SELECT version FROM records WHERE kind = ? AND id = ?", (cls.KIND, record_id)
                ).fetchone()
                if row:
                    tx.delete(cls, record_id, row[0])
            for record in writes:
                row = tx.conn.execute(
                    "SELECT version FROM records WHERE kind = ? AND id = ?", (record.KIND, record.id)
                ).fetchone()
                if row is None:
                    tx.add(record)
                else:
                    tx.update(record, row[0], keep_every_version=True)
            tx.remember(writes, known)
        return backup


def _known_as_data(known: KnownStates) -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = {}
    for (kind, record_id), states in known.items():
        data.setdefault(kind, {})[record_id] = sorted(states)
    return data


_HISTORY_COLUMNS = "entry, data, updated_at, updated_by, replaced_at, replaced_by, removed, revision"


def _earlier(cls: type[R], row) -> EarlierVersion[R] | None:
    """A history row as a version – None for a state this course's models no longer accept."""
    entry, data, updated_at, updated_by, replaced_at, replaced_by, removed, revision = row
    try:
        record = cls.model_validate_json(data)
    except ValidationError:
        log.warning("Fassung %s von %s ist nicht mehr lesbar", entry, cls.KIND)
        return None
    return EarlierVersion(entry, record, updated_at, updated_by, replaced_at, replaced_by, bool(removed), revision)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection, revision: int, person: str | None):
        self.conn = conn
        self.revision = revision
        self.person = person
        self.updated_at = _now()
        self.kinds: set[str] = set()

    def add(self, record: R) -> Stored[R]:
        self.kinds.add(record.KIND)
        try:
            self.conn.execute(
                "INSERT INTO records (kind, id, data, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)",
                (record.KIND, record.id, record.model_dump_json(), self.revision, self.updated_at, self.person),
            )
        except sqlite3.IntegrityError as error:
            # Someone else created the same singleton or id in the meantime.
            raise StaleRecordError(record.KIND, record.id, record) from error
        return Stored(record, self.revision, self.updated_at, self.person)

    def update(self, record: R, version: int, keep_every_version: bool = False) -> Stored[R]:
        self.kinds.add(record.KIND)
        try:
            self._keep_current(record.KIND, record.id, version, removed=False, coalesce=not keep_every_version)
        except StaleRecordError as error:
            error.attempted = record
            raise
        self.conn.execute(
            "UPDATE records SET data = ?, version = ?, updated_at = ?, updated_by = ? WHERE kind = ? AND id = ?",
            (record.model_dump_json(), self.revision, self.updated_at, self.person, record.KIND, record.id),
        )
        return Stored(record, self.revision, self.updated_at, self.person)

    def delete(self, cls: type[Record], record_id: str, version: int) -> None:
        self.kinds.add(cls.KIND)
        self._keep_current(cls.KIND, record_id, version, removed=True)
        self.conn.execute("DELETE FROM records WHERE kind = ? AND id = ?", (cls.KIND, record_id))

    def remember(self, records: list[Record], known: KnownStates) -> None:
        """Remember the states a file brought in – its records' and the earlier ones it knew of."""
        states = {(kind, record_id, state) for (kind, record_id), found in known.items() for state in found}
        states.update((record.KIND, record.id, state_of(record)) for record in records)
        self.conn.executemany("INSERT OR IGNORE INTO known_states VALUES (?, ?, ?)", sorted(states))

    def remove_everything(self) -> None:
        """Every record into the history as removed (an import replaces them), then out of the workbook."""
        self.conn.execute(
            "INSERT INTO history (kind, id, data, updated_at, updated_by, replaced_at, replaced_by, removed, revision)"
            " SELECT kind, id, data, updated_at, updated_by, ?, ?, 1, ? FROM records ORDER BY rowid",
            (self.updated_at, self.person, self.revision),
        )
        self.conn.execute("DELETE FROM records")

    def _keep_current(self, kind: str, record_id: str, version: int, removed: bool, coalesce: bool = False) -> None:
        """The record's state at ``version`` into its history – refused if it is no longer at that version.

        With ``coalesce``, a state the same person wrote moments ago is not kept: it is part of the change
        being made now (see VERSION_WINDOW_SECONDS).
        """
        row = self.conn.execute(
            "SELECT data, updated_at, updated_by FROM records WHERE kind = ? AND id = ? AND version = ?",
            (kind, record_id, version),
        ).fetchone()
        if row is None:
            raise StaleRecordError(kind, record_id)
        data, updated_at, updated_by = row
        if (
            coalesce
            and updated_by == self.person
            and _seconds_between(updated_at, self.updated_at) < VERSION_WINDOW_SECONDS
        ):
            return
        self.conn.execute(
            "INSERT INTO history (kind, id, data, updated_at, updated_by, replaced_at, replaced_by, removed, revision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, record_id, data, updated_at, updated_by, self.updated_at, self.person, int(removed), self.revision),
        )


def _seconds_between(earlier: str | None, later: str) -> float:
    if not earlier:
        return float("inf")
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()
