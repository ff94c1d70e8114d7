"""The Arbeitsmappe: versioned per-record writes, several kernels, migrations, crashes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from regionallabor.core.model import Member, Region, Team
from regionallabor.core.store import (
    SCHEMA_VERSION,
    Arbeitsmappe,
    NewerSchemaError,
    StaleRecordError,
    WorkbookError,
    migrate,
)


def test_add_get_list_keeps_order_and_versions(workbook):
    anna = workbook.add(Member(name="Anna"))
    ben = workbook.add(Member(name="Ben"))
    assert [s.record.name for s in workbook.list(Member)] == ["Anna", "Ben"]
    assert workbook.get(Member, anna.record.id).record == anna.record
    assert ben.version > anna.version
    assert workbook.revision() == ben.version


def test_update_from_stale_version_is_refused_and_changes_nothing(workbook):
    stored = workbook.add(Member(name="Anna"))
    workbook.update(stored.record.model_copy(update={"role": "Moderation"}), stored.version)
    with pytest.raises(StaleRecordError) as refused:
        workbook.update(stored.record.model_copy(update={"role": "Netzwerk"}), stored.version)
    assert "anderen Fenster" in str(refused.value)
    assert workbook.get(Member, stored.record.id).record.role == "Moderation"


def test_delete_of_a_record_changed_elsewhere_is_refused(workbook):
    stored = workbook.add(Member(name="Anna"))
    workbook.update(stored.record.model_copy(update={"role": "Organisation"}), stored.version)
    with pytest.raises(StaleRecordError):
        workbook.delete(Member, stored.record.id, stored.version)
    assert workbook.count_kind("member") == 1


def test_two_kernels_see_each_others_records_and_conflicts(workbook_path):
    first, second = Arbeitsmappe(workbook_path), Arbeitsmappe(workbook_path)
    first.add(Member(name="Anna"))
    second.add(Member(name="Ben"))
    assert {s.record.name for s in first.list(Member)} == {"Anna", "Ben"}
    region_in_first = first.save(Region(name="Kinzigtal"), None)
    # The second kernel had not seen the region yet: creating it again is a conflict, not an overwrite.
    with pytest.raises(StaleRecordError):
        second.save(Region(name="Schwarzwald"), None)
    assert second.get(Region).record.name == "Kinzigtal"
    second.save(Region(name="Oberes Kinzigtal"), region_in_first.version)
    with pytest.raises(StaleRecordError):
        first.save(Region(name="Kinzigtal Süd"), region_in_first.version)
    assert first.get(Region).record.name == "Oberes Kinzigtal"


WRITER = """
import sys
from regionallabor.core.store import Arbeitsmappe
from regionallabor.core.model import Member
wb = Arbeitsmappe(sys.argv[1])
name = sys.argv[2]
for i in range(int(sys.argv[3])):
    wb.add(Member(name=f"{name} {i}"))
"""


def test_parallel_processes_lose_no_records(workbook_path):
    Arbeitsmappe(workbook_path).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(workbook_path), name, "60"]) for name in ("A", "B", "C")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    wb = Arbeitsmappe(workbook_path)
    names = {s.record.name for s in wb.list(Member)}
    assert names == {f"{n} {i}" for n in "ABC" for i in range(60)}
    assert wb.revision() == 180


KILLED_WRITER = """
import sys
from regionallabor.core.store import Arbeitsmappe
from regionallabor.core.model import Member
wb = Arbeitsmappe(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    i += 1
    # two records per transaction: after a crash both or neither must be there
    with wb.transaction() as tx:
        tx.add(Member(name=f"pair {i} a"))
        tx.add(Member(name=f"pair {i} b", role="x" * 2000))
"""


def test_kill_during_writes_leaves_old_or_new_state(workbook_path):
    Arbeitsmappe(workbook_path).close()
    for round_ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(workbook_path)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.03 * round_)
        writer.kill()  # SIGKILL: no cleanup, no rollback by the writer
        writer.wait()
        conn = sqlite3.connect(workbook_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        wb = Arbeitsmappe(workbook_path)
        names = [s.record.name for s in wb.list(Member)]
        wb.close()
        assert len(names) % 2 == 0
        firsts = {n[:-2] for n in names if n.endswith(" a")}
        seconds = {n[:-2] for n in names if n.endswith(" b")}
        assert firsts == seconds


def test_older_schema_is_migrated_forward_with_a_backup(workbook_path):
    conn = sqlite3.connect(workbook_path, isolation_level=None)
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO records (kind, id, data, version) VALUES ('member', 'm1', ?, 1)",
        (Member(id="m1", name="Anna").model_dump_json(),),
    )
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'revision'")
    conn.close()

    wb = Arbeitsmappe(workbook_path)
    assert wb.get(Member, "m1").record.name == "Anna"
    assert wb.get(Member, "m1").updated_at  # the column version 2 added
    assert sqlite3.connect(workbook_path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert list(wb.backup_dir.glob("*vor-migration-schema-1*"))


def test_newer_schema_is_refused_and_left_untouched(workbook_path):
    Arbeitsmappe(workbook_path).close()
    conn = sqlite3.connect(workbook_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = workbook_path.read_bytes()
    with pytest.raises(NewerSchemaError) as refused:
        Arbeitsmappe(workbook_path)
    assert "neueren Version" in str(refused.value)
    assert workbook_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_with_a_message(workbook_path):
    workbook_path.write_text("Einkaufsliste: Milch, Brot")
    with pytest.raises(WorkbookError) as refused:
        Arbeitsmappe(workbook_path)
    assert "lässt sich nicht öffnen" in str(refused.value)


def test_transaction_rolls_back_completely(workbook):
    workbook.save(Team(name="Alt"), None)
    before = workbook.revision()
    with pytest.raises(StaleRecordError), workbook.transaction() as tx:
        tx.add(Member(name="Anna"))
        tx.update(Team(name="Neu"), version=999)
    assert workbook.count_kind("member") == 0
    assert workbook.get(Team).record.name == "Alt"
    assert workbook.revision() == before


def test_default_home_follows_environment(monkeypatch, tmp_path):
    from regionallabor.core.store import default_home

    monkeypatch.setenv("REGIONALLABOR_HOME", str(tmp_path / "x"))
    assert default_home() == tmp_path / "x"
    monkeypatch.delenv("REGIONALLABOR_HOME")
    monkeypatch.setenv("BINDER_SERVICE_HOST", "10.0.0.1")
    assert default_home().name == "arbeitsmappe"


def test_a_new_workbook_its_journal_and_its_backups_are_the_owners_alone(tmp_path):
    import os
    import stat

    old = os.umask(0o022)  # a laptop's or a container's default: new files readable by everyone
    try:
        workbook = Arbeitsmappe(tmp_path / "daten" / "arbeitsmappe.sqlite3")
        workbook.add(Team(name="Lautertal"))
        backup = workbook._backup_file("test")
    finally:
        os.umask(old)
    files = [workbook.path, workbook.path.with_name(workbook.path.name + "-wal"), backup]
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in files} == {path.name: 0o600 for path in files}
    assert stat.S_IMODE(workbook.path.parent.stat().st_mode) == 0o700
    workbook.close()


def test_an_existing_workbook_keeps_the_mode_its_owner_gave_it(tmp_path):
    import stat

    path = tmp_path / "arbeitsmappe.sqlite3"
    Arbeitsmappe(path).close()
    path.chmod(0o640)  # shared with a group on purpose
    Arbeitsmappe(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
