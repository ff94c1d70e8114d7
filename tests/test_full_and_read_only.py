"""A full disk and a read-only folder, for real: small tmpfs mounts (the tests run as root, as CI does).

Every write a team can start there – an import, a CSV upload, a new team member – is refused with a German
message, changes nothing, and leaves no half backup behind.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import ipywidgets as ipw
import pytest

from regionallabor.core.model import Member
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.core.transfer import export_json
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.modul3.netzdateien import export_actors
from regionallabor.testing import fill_network, fill_team_and_region
from regionallabor_widgets.modul1 import TeamEditor
from regionallabor_widgets.modul3 import NetworkFiles
from regionallabor_widgets.start import WorkbookTransfer
from tests.helpers import control
from tests.test_robust_files import assert_refused_in_german, dump


@contextmanager
def tmpfs(folder: Path, *options: str):
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(("size=512k", *options)), "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def fill_up(folder: Path) -> None:
    """Write a file until the disk is full, as a big download or a colleague's video would."""
    fd = os.open(folder / "fuellt-die-platte", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


@pytest.fixture
def files(tmp_path) -> dict[str, bytes]:
    """What a team uploads: a colleague's workbook with an actor map, and that map as a CSV file."""
    colleague = Arbeitsmappe(tmp_path / "kollegin" / "arbeitsmappe.sqlite3")
    fill_team_and_region(colleague, "Lautertal")
    fill_network(colleague, 120, 160)
    return {"json": export_json(colleague), "csv": export_actors(load_network(colleague), False)}


def try_every_write(workbook: Arbeitsmappe, files: dict[str, bytes], fragment: str) -> None:
    before = dump(workbook)
    transfer = WorkbookTransfer(workbook)
    transfer.receive("kollegin.json", files["json"])
    transfer.confirm_import()
    assert_refused_in_german(transfer.notice, fragment)
    transfer.receive("kollegin.json", files["json"])
    transfer.plan_merge()
    transfer.merge_now()  # the conflicts left as they are: the workbook's own state
    assert_refused_in_german(transfer.notice, fragment)

    network_files = NetworkFiles(workbook)
    network_files.receive([("akteure.csv", files["csv"])])
    assert_refused_in_german(network_files.notice, fragment)

    team = TeamEditor(workbook)
    team.name.value = "Berta Neumann"
    control(team, ipw.Button, team.submit.description).click()
    assert_refused_in_german(team.notice, fragment)

    assert dump(workbook) == before
    backups = workbook.backup_dir
    assert not backups.exists() or not any(backups.iterdir())


def test_on_a_full_disk_every_write_is_refused_and_changes_nothing(tmp_path, files):
    with tmpfs(tmp_path / "platte") as disk:
        workbook = Arbeitsmappe(disk / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, "Seeufer")
        fill_up(disk)
        try_every_write(workbook, files, "Speicherplatz ist voll")
        workbook.close()


def test_with_a_read_only_backup_folder_no_import_replaces_anything(tmp_path, files):
    workbook = Arbeitsmappe(tmp_path / "team" / "arbeitsmappe.sqlite3")
    fill_team_and_region(workbook, "Seeufer")
    with tmpfs(workbook.backup_dir, "ro"):
        before = dump(workbook)
        transfer = WorkbookTransfer(workbook)
        transfer.receive("kollegin.json", files["json"])
        transfer.confirm_import()
        assert_refused_in_german(transfer.notice, "schreibgeschützt")
        assert "Sicherung" in transfer.notice.text
        assert dump(workbook) == before
        workbook.add(Member(name="Berta"))  # the workbook itself still takes a new member
    workbook.close()


def test_in_a_read_only_folder_the_team_reads_its_work_and_every_write_is_refused(tmp_path, files):
    with tmpfs(tmp_path / "stick") as stick:
        workbook = Arbeitsmappe(stick / "arbeitsmappe.sqlite3")
        fill_team_and_region(workbook, "Seeufer")
        workbook.close()
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        workbook = Arbeitsmappe(stick / "arbeitsmappe.sqlite3")
        assert [s.record.name for s in workbook.list(Member)][:1]
        try_every_write(workbook, files, "schreibgeschützt")
        workbook.close()


def test_a_new_workbook_in_a_read_only_folder_is_a_german_message(tmp_path):
    with tmpfs(tmp_path / "gesperrt", "ro") as locked, pytest.raises(WorkbookError, match="schreibgeschützt"):
        Arbeitsmappe(locked / "arbeitsmappe.sqlite3")
