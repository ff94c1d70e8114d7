"""Tools that draw after the page has loaded: in a real kernel the work waits for the cells, then runs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from regionallabor.core.model import Region
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe
from regionallabor_widgets.base import when_page_loaded

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kernel(tmp_path):
    workbook = Arbeitsmappe(tmp_path / WORKBOOK_FILENAME)
    workbook.save(Region(name="Breisgau-Hochschwarzwald", country="DE", area_ids=["DE-08315"]), None)
    workbook.close()
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(ROOT))
    run = _runner(client)
    run(f"import os, sys; sys.path.insert(0, {str(ROOT)!r}); os.environ['REGIONALLABOR_HOME'] = {str(tmp_path)!r}")
    yield run
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def _runner(client):
    def run(code: str):
        """Execute ``code`` as a cell; the JSON of what it printed last, or the error."""
        msg_id = client.execute(code)
        printed, error = [], None
        while True:
            message = client.get_iopub_msg(timeout=60)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            kind = message["msg_type"]
            if kind == "stream":
                printed.append(message["content"]["text"])
            elif kind == "error":
                error = message["content"]["evalue"]
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                break
        assert error is None, error
        lines = "".join(printed).strip().splitlines()
        return json.loads(lines[-1]) if lines else None

    return run


def test_the_work_waits_for_the_last_cell_and_then_runs(kernel):
    kernel(
        "import json, time\n"
        "from regionallabor_widgets.base import when_page_loaded\n"
        "done = []\n"
        "def fails(): raise RuntimeError('kaputt')\n"
        "when_page_loaded(lambda: done.append('erste'))\n"
        "when_page_loaded(fails)\n"
        "when_page_loaded(lambda: done.append('zweite'))\n"
        "print('[]')"
    )
    # cells that follow one another at once, as Voila runs a page: nothing has run yet
    for _ in range(3):
        assert kernel("time.sleep(0.02); print(json.dumps(done))") == []
    time.sleep(0.5)  # the page has loaded; the kernel waited
    # the failing work was logged, the others ran, in order
    assert kernel("print(json.dumps(done))") == ["erste", "zweite"]


def test_the_region_charts_come_after_the_page(kernel):
    kernel(
        "import json\n"
        "from regionallabor_widgets.base import open_course_page\n"
        "from regionallabor_widgets.modul2 import RegionFigures\n"
        "figures = RegionFigures(open_course_page())\n"
        "print(json.dumps([figures.overview.value, figures.comparison.value]))"
    )
    shown = kernel("print(json.dumps([figures.overview.value, figures.comparison.value]))")
    assert "werden gezeichnet" in shown[0] and shown[1] == ""
    time.sleep(0.1)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        shown = kernel("print(json.dumps([figures.overview.value, figures.comparison.value]))")
        if shown[1]:
            break
        time.sleep(0.3)
    assert "Breisgau-Hochschwarzwald" in shown[0] and "werden gezeichnet" not in shown[0]
    assert "<svg" in shown[1]


def test_outside_a_kernel_the_work_runs_at_once():
    done = []
    when_page_loaded(lambda: done.append(1))
    assert done == [1]
