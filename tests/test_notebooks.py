"""Every course notebook runs top to bottom in a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

MODULES = Path(__file__).resolve().parent.parent / "modules"
NOTEBOOKS = sorted(MODULES.glob("*.ipynb"))


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:2] == ["00_start.ipynb", "01_team_und_region.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIONALLABOR_HOME", str(tmp_path))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(MODULES)}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert (tmp_path / "arbeitsmappe.sqlite3").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    assert all(
        not cell.get("outputs") and cell.get("execution_count") is None
        for cell in notebook.cells
        if cell.cell_type == "code"
    )


@pytest.mark.parametrize(
    "notebook, numbers",
    [
        (
            "03_beziehungsnetz.ipynb",
            {"Akteur:innen": "MIN_ACTORS", "Sektoren": "MIN_SECTORS", "Beziehungen": "MIN_RELATIONS"},
        ),
        ("05_strategie_und_konferenz.ipynb", {"Menschen": "MIN_INVITATIONS"}),
    ],
)
def test_a_module_says_when_it_is_done_with_the_numbers_its_selbstcheck_uses(notebook, numbers):
    import re

    from regionallabor.modul3 import beziehungsnetz
    from regionallabor.modul5 import konferenz

    constants = {**vars(beziehungsnetz), **vars(konferenz)}
    text = "\n".join(
        c.source for c in nbformat.read(MODULES / notebook, as_version=4).cells if c.cell_type == "markdown"
    )
    done = text[text.index("**Fertig ist Modul") :].split("\n\n")[0]
    for word, constant in numbers.items():
        assert re.search(rf"\b{constants[constant]} {re.escape(word)}", done), (word, constants[constant], done)
