"""Every page's kernel imports only the heavy libraries its own tools draw with, even with a region chosen.

pandas and the tables read with it cost a kernel about 60 MB; the course needs it nowhere (reference tables
are read with the csv module). A map library (ipyleaflet with branca and numpy) cost Modul 1 another 40 MB;
its map is plain SVG. Modul 2 draws its charts with matplotlib, Modul 3 its network with ipysigma and
networkx; Modul 5 and 6 use Modul 3's actor list and must not load the network map with it. Each page runs
in a fresh interpreter here (the test process has long imported everything).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from regionallabor.core.model import Region
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe

MODULES = Path(__file__).resolve().parent.parent / "modules"
HEAVY = ("pandas", "scipy", "matplotlib", "numpy", "ipyleaflet", "networkx", "ipysigma", "PIL")
NEEDED = {
    "02_region_unter_der_lupe.ipynb": {"matplotlib", "numpy", "PIL"},  # its charts
    "03_beziehungsnetz.ipynb": {"networkx", "ipysigma", "numpy"},  # its network map and analysis
}
RUN_PAGE = """
import json, sys
import IPython.display
IPython.display.display = lambda *objects, **options: None
import regionallabor_widgets.base.page
regionallabor_widgets.base.page.display = IPython.display.display
from tests.helpers import page_code
exec(page_code(sys.argv[1]), {"__name__": "__main__"})
from regionallabor.refdata import search
search("DE", "Freiburg")  # a team looking for a place in Modul 1
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("notebook", sorted(path.name for path in MODULES.glob("0*.ipynb")))
def test_the_page_imports_nothing_heavy(notebook, tmp_path):
    workbook = Arbeitsmappe(tmp_path / WORKBOOK_FILENAME)
    workbook.save(Region(name="Breisgau-Hochschwarzwald", country="DE", area_ids=["DE-08315"]), None)
    workbook.close()
    result = subprocess.run(
        [sys.executable, "-c", RUN_PAGE, str(MODULES / notebook)],
        capture_output=True,
        text=True,
        env={"REGIONALLABOR_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        cwd=MODULES.parent,
        check=True,
    )
    imported = set(json.loads(result.stdout.splitlines()[-1]))
    assert "regionallabor.refdata.gebiete" in imported  # the page did look at the region's areas
    if notebook.startswith("01"):
        assert "regionallabor.dokumente.karte" in imported  # and drew its map
    if notebook.startswith("02"):
        assert "regionallabor.dokumente.statistik" in imported  # and drew its charts
    assert imported & set(HEAVY) <= NEEDED.get(notebook, set())
    assert "pandas" not in imported
