from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from regionallabor.core.store import Arbeitsmappe

# nbgrader's gradebook runs `alembic` from PATH: the environment's own scripts come first, as in the Makefile.
os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


@pytest.fixture
def workbook_path(tmp_path):
    return tmp_path / "arbeitsmappe.sqlite3"


@pytest.fixture
def workbook(workbook_path):
    wb = Arbeitsmappe(workbook_path)
    yield wb
    wb.close()
