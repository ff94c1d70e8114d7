"""The Arbeitsmappe: one SQLite file per team that holds all of its records.

Every Voila page runs in its own kernel, and a team may have several pages open
at once. So:

* each write is its own transaction (``BEGIN IMMEDIATE``), in WAL mode, and a
  process killed in the middle leaves the old or the new state;
* each record carries a ``version``: the workbook-wide revision at which it was
  last written. A write names the version it was based on and is refused with
  :class:`StaleRecordError` if another kernel has written the record since;
* the workbook's ``revision`` grows with every write, so a page can notice
  cheaply that another page changed something and reload.

The schema version lives in SQLite's ``user_version``; older files are migrated
forward on opening (after a backup copy), newer ones are refused untouched.
"""

from __future__ import annotations

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

from regionallabor.core.environment import on_binder
from regionallabor.core.messages import t
from regionallabor.core.model import RECORD_TYPES, Record, SingletonRecord

SCHEMA_VERSION = 2
WORKBOOK_FILENAME = "arbeitsmappe.sqlite3"
BUSY_TIMEOUT_MS = 15_000
KINDS_KEPT = 64  # how many of its own writes a workbook object remembers the kinds of

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
    """The record was changed (or removed) by someone else since it was read."""

    def __init__(self, kind: str, record_id: str):
        super().__init__(t("stale_reloaded"))
        self.kind = kind
        self.record_id = record_id


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


MIGRATIONS = {1: _migrate_to_1, 2: _migrate_to_2}


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

    def __init__(self, path: Path | str):
        self.path = Path(path)
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
                "SELECT data, version, updated_at FROM records WHERE kind = ? AND id = ?", (cls.KIND, record_id)
            ).fetchone()
        return Stored(cls.model_validate_json(row[0]), row[1], row[2]) if row else None

    def list(self, cls: type[R]) -> list[Stored[R]]:
        """All records of a kind, in the order they were first added."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT data, version, updated_at FROM records WHERE kind = ? ORDER BY rowid", (cls.KIND,)
            ).fetchall()
        return [Stored(cls.model_validate_json(data), version, updated) for data, version, updated in rows]

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
                tx = _Transaction(self._conn, revision)
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

    # the whole workbook

    def export_data(self) -> dict:
        """Everything in the workbook, as plain data for a JSON file."""
        with self._lock:
            rows = self._conn.execute("SELECT kind, data FROM records ORDER BY kind, rowid").fetchall()
        records: dict[str, list] = {kind: [] for kind in RECORD_TYPES}
        for kind, data in rows:
            records.setdefault(kind, []).append(json.loads(data))
        return {
            "format": "regionallabor-arbeitsmappe",
            "schema_version": SCHEMA_VERSION,
            "exported_at": _now(),
            "records": records,
        }

    def replace_all(self, records: list[Record]) -> Path:
        """Replace the workbook's content with ``records`` (already validated); back up first.

        The backup is taken inside the import's write lock: a write from another page lands either
        before it (and is in the backup) or after the import – never in neither.
        """
        with self.transaction() as tx:
            # The backup reads through a connection of its own: it sees the last commit, and nobody can commit now.
            backup = self._backup_file("vor-import")
            tx.kinds.update(RECORD_TYPES)
            tx.conn.execute("DELETE FROM records")
            for record in records:
                tx.add(record)
        return backup


class _Transaction:
    def __init__(self, conn: sqlite3.Connection, revision: int):
        self.conn = conn
        self.revision = revision
        self.updated_at = _now()
        self.kinds: set[str] = set()

    def add(self, record: R) -> Stored[R]:
        self.kinds.add(record.KIND)
        try:
            self.conn.execute(
                "INSERT INTO records (kind, id, data, version, updated_at) VALUES (?, ?, ?, ?, ?)",
                (record.KIND, record.id, record.model_dump_json(), self.revision, self.updated_at),
            )
        except sqlite3.IntegrityError as error:
            # Someone else created the same singleton or id in the meantime.
            raise StaleRecordError(record.KIND, record.id) from error
        return Stored(record, self.revision, self.updated_at)

    def update(self, record: R, version: int) -> Stored[R]:
        self.kinds.add(record.KIND)
        changed = self.conn.execute(
            "UPDATE records SET data = ?, version = ?, updated_at = ? WHERE kind = ? AND id = ? AND version = ?",
            (record.model_dump_json(), self.revision, self.updated_at, record.KIND, record.id, version),
        ).rowcount
        if changed != 1:
            raise StaleRecordError(record.KIND, record.id)
        return Stored(record, self.revision, self.updated_at)

    def delete(self, cls: type[Record], record_id: str, version: int) -> None:
        self.kinds.add(cls.KIND)
        deleted = self.conn.execute(
            "DELETE FROM records WHERE kind = ? AND id = ? AND version = ?", (cls.KIND, record_id, version)
        ).rowcount
        if deleted != 1:
            raise StaleRecordError(cls.KIND, record_id)
