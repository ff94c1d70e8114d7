"""The biggest workbook an import accepts still opens every page small: long lists show a page at a time."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw
import pytest
from ipywidgets.widgets.widget import _instances

from regionallabor.core.model import Akteur, Idee, Kritikpunkt, Member, SwotEntry
from regionallabor.core.store import Arbeitsmappe
from regionallabor.core.transfer import MAX_RECORDS, MAX_RECORDS_PER_KIND
from regionallabor.testing import (
    fill_actions,
    fill_bestandsaufnahme,
    fill_network,
    fill_planning,
    fill_team_and_region,
    fill_to_import_limits,
)
from tests.helpers import page_code

MODULES = Path(__file__).resolve().parent.parent / "modules"
# A filled page of a real team has 300–900 widgets (each with its layout and style); ten times a page's
# worth of rows would be far above this.
MAX_WIDGETS_PER_PAGE = 2_500


@pytest.fixture(scope="module")
def full_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("voll")
    workbook = Arbeitsmappe(home / "arbeitsmappe.sqlite3")
    fill_team_and_region(workbook, "Lautertal")
    fill_bestandsaufnahme(workbook)
    fill_network(workbook, 60, 120)
    fill_planning(workbook)
    fill_actions(workbook)
    fill_to_import_limits(workbook)
    return home


def test_the_full_workbook_is_at_the_limits(full_home):
    workbook = Arbeitsmappe(full_home / "arbeitsmappe.sqlite3")
    for cls in (Member, SwotEntry, Kritikpunkt, Idee):
        assert len(workbook.list(cls)) == MAX_RECORDS_PER_KIND, cls
    assert len(workbook.list(Akteur)) == MAX_RECORDS[Akteur.KIND]


@pytest.mark.parametrize("path", sorted(MODULES.glob("*.ipynb")), ids=lambda p: p.name)
def test_every_page_of_the_full_workbook_is_built_small(path, full_home, monkeypatch):
    monkeypatch.setenv("REGIONALLABOR_HOME", str(full_home))
    monkeypatch.setattr("IPython.display.display", lambda *objects, **options: None)
    monkeypatch.setattr("regionallabor_widgets.base.page.display", lambda *objects, **options: None)
    before = set(_instances)
    exec(compile(page_code(path), path.name, "exec"), {"__name__": "__main__"})
    created = [_instances[key] for key in set(_instances) - before]
    try:
        assert len(created) <= MAX_WIDGETS_PER_PAGE, path.name
        more = [w for w in created if isinstance(w, ipw.Button) and w.description.startswith("Weitere")]
        if (
            path.name != "00_start.ipynb"
        ):  # every module page has a long list: a page shown, the rest behind „Weitere …“
            assert any(w.layout.display != "none" for w in more)
    finally:
        for widget in created:
            widget.close()
