from __future__ import annotations

import pytest

from regionallabor.store import Arbeitsmappe


@pytest.fixture
def workbook_path(tmp_path):
    return tmp_path / "arbeitsmappe.sqlite3"


@pytest.fixture
def workbook(workbook_path):
    wb = Arbeitsmappe(workbook_path)
    yield wb
    wb.close()
