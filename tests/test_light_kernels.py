"""The start page and Modul 1 stay light: their kernels never import pandas, numpy or a map or chart library,
even with a region chosen.

pandas and the tables read with it cost a kernel about 60 MB; only Modul 2's statistics use them. A map
library (ipyleaflet with branca and numpy) cost Modul 1 another 40 MB; its map is plain SVG now. Each page
runs in a fresh interpreter here (the test process has long imported everything).
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
HEAVY = ("pandas", "scipy", "matplotlib", "numpy", "ipyleaflet")
RUN_PAGE = """
import json, sys
import IPython.display
IPython.display.display = lambda *objects, **options: None
import widgets.base.page
widgets.base.page.display = IPython.display.display
from tests.helpers import page_code
exec(page_code(sys.argv[1]), {"__name__": "__main__"})
from regionallabor.refdata import search
search("DE", "Freiburg")  # a team looking for a place in Modul 1
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("notebook", ["00_start.ipynb", "01_team_und_region.ipynb"])
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
    assert not imported & set(HEAVY)
