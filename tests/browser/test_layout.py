"""Every page as a team with a full workbook sees it, at 1280 and at 1024 px: no control outside its card,
its form or its row – nothing clipped off, nothing to scroll sideways for, no button with its words cut – and a list's
drop-downs under each other. Screenshots of each for a look."""

from __future__ import annotations

import pytest

from regionallabor import testing
from regionallabor.core.model import Budgetposten, Herausforderung, Schatz
from regionallabor.core.store import WORKBOOK_FILENAME, Arbeitsmappe

from .conftest import STICKING_OUT, screenshot
from .test_journeys import wait_for_page

pytestmark = pytest.mark.browser

PAGES = (
    "00_start",
    "01_team_und_region",
    "02_region_unter_der_lupe",
    "03_beziehungsnetz",
    "04_vision",
    "05_strategie_und_konferenz",
    "06_aktionen_und_weg",
)
CONTROLS = "button, input, select, textarea"
CHECKS = (
    (".rl-tool", CONTROLS),  # a tool's card
    (".rl-form", CONTROLS),  # a form in it
    (".rl-member", CONTROLS),  # a row of a list: team, actors, invitations, tasks, actions …
)
WIDTHS = (1280, 1024)
# a button whose words do not fit shows „Herausforderung hinzufüg…“
CUT_BUTTONS = """() => [...document.querySelectorAll(".rl-tool button")]
  .filter((b) => b.offsetParent && b.textContent.trim())
  .filter((b) => {
    const words = document.createRange();
    words.selectNodeContents(b);
    const style = getComputedStyle(b);
    const edges = ["paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth"];
    const room = b.getBoundingClientRect().width - edges.reduce((sum, edge) => sum + parseFloat(style[edge]), 0);
    return words.getBoundingClientRect().width > room + 0.05;  // Chrome cuts at a fraction of a pixel
  })
  .map((b) => b.textContent.trim().slice(0, 60))"""
# the drop-downs of a list's rows (status of an invitation, of an action) stand one under the other
UNALIGNED = """() => {
  const out = [];
  for (const list of document.querySelectorAll(".rl-tool .widget-vbox")) {
    const selects = [...list.children]
      .filter((row) => row.classList.contains("rl-member"))
      .map((row) => row.querySelector(":scope > .widget-dropdown select"))
      .filter((select) => select && select.offsetParent);
    const edges = new Set(selects.map((s) => Math.round(s.getBoundingClientRect().left) + "–" + Math.round(s.getBoundingClientRect().right)));
    if (edges.size > 1) out.push([...edges].join(", "));
  }
  return out;
}"""


def full_home(tmp_path):
    home = tmp_path / "home"
    workbook = Arbeitsmappe(home / WORKBOOK_FILENAME)
    testing.fill_team_in_district(workbook)
    testing.fill_bestandsaufnahme(workbook)
    workbook.add(Schatz(name="Bürgerenergie Musterdorf eG mit einem recht langen Namen", field="energie"))
    workbook.add(Herausforderung(field="mobilitaet", text="Sonntags fährt kein Bus in die Kreisstadt, abends keiner"))
    testing.fill_network(workbook, 30, 60)
    testing.fill_planning(workbook, guests=12)
    workbook.add(Budgetposten(title="Saalmiete Bürgerhaus", planned=700))
    testing.fill_actions(workbook, 8)
    workbook.close()
    return home


def test_no_control_lies_outside_its_card_form_or_row_on_any_page_at_1280_and_1024(start_server, page, tmp_path):
    server = start_server(home=full_home(tmp_path))
    outside = {}
    for name in PAGES:
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        page.goto(f"{server.url}/voila/render/modules/{name}.ipynb")
        wait_for_page(page)
        page.wait_for_timeout(2500)  # tools that draw after the page has loaded (maps, figures)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(500)
            for container, controls in CHECKS:
                found = page.evaluate(STICKING_OUT, [container, controls])
                if found:
                    outside[f"{name} at {width} px, in {container}"] = found
            cut = page.evaluate(CUT_BUTTONS)
            if cut:
                outside[f"{name} at {width} px, buttons whose words are cut"] = cut
            unaligned = page.evaluate(UNALIGNED)
            if unaligned:
                outside[f"{name} at {width} px, drop-downs of a list's rows not under each other"] = unaligned
            screenshot(page, f"layout-{name}-{width}")
    assert outside == {}
