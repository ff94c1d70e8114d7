"""The Regionalprofil as a mayor gets it: the PDF rendered to pages (PNG, with pdfium) and read back.

For a Gemeinde (no boundary of its own in the data), a Kreis and a Swiss Bezirk: no page without content, no
column header broken inside a word, no table that leaves a lone row at a page break, and a map that shows
the region within its surroundings, the neighbours named.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pypdfium2 as pdfium
import pytest

from regionallabor import testing
from regionallabor.core.model import Budgetposten, Member, Region, Team
from regionallabor.dokumente.dokument import Figure, Table, to_html, to_pdf
from regionallabor.modul6.regionalprofil import regional_profile

REGIONS = {
    "gemeinde": dict(country="DE", area_type="gemeinde", name="Lautertal (Vogelsberg)", area_ids=["DE-G-06535012"]),
    "kreis": dict(country="DE", area_type="kreis", name="Breisgau-Hochschwarzwald", area_ids=["DE-08315"]),
    "bezirk": dict(country="CH", area_type="kreis", name="Bezirk Winterthur", area_ids=["CH-B110"]),
}
INK = 200  # a pixel darker than this (of 255) is ink
LEAST_INK = 0.01  # share of a page that must be ink: a page with a footer line alone has about 0.2 %


def team_workbook(workbook, region: dict):
    workbook.add(Team(name="Mitmach-Team Lautertal"))
    for number, name in enumerate(("Aylin Demir", "Thomas Berg", "Lena Koch")):
        workbook.add(Member(name=name, is_main_contact=number == 0))
    workbook.add(Region(weggemeinschaft="Deutschland", why="Weil wir hier leben.", **region))
    testing.fill_bestandsaufnahme(workbook)
    testing.fill_network(workbook, 30, 60)
    testing.fill_planning(workbook, guests=20)
    testing.fill_actions(workbook, 8)
    workbook.add(Budgetposten(title="Saalmiete", planned=700))
    workbook.add(Budgetposten(title="LEADER-Förderung", kind="einnahme", planned=500))
    return workbook


def page_texts(raw: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(raw)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def ink_per_page(raw: bytes) -> list[float]:
    pdf = pdfium.PdfDocument(raw)
    return [float((np.asarray(pdf[i].render(scale=0.5).to_pil().convert("L")) < INK).mean()) for i in range(len(pdf))]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def opening(cell: str) -> str:
    return " ".join(cell.split()[:2])


@pytest.mark.parametrize("kind", list(REGIONS))
def test_the_profile_prints_as_pages_with_whole_words_and_no_lone_rows(workbook, kind):
    document = regional_profile(team_workbook(workbook, REGIONS[kind]), today=date(2027, 6, 1))
    raw = to_pdf(document)
    ink = ink_per_page(raw)
    assert len(ink) >= 4 and min(ink) > LEAST_INK, ink  # every page has content

    texts = page_texts(raw)
    printed = set().union(*(words(text) for text in texts))
    tables = [block for block in document.blocks if isinstance(block, Table)]
    for table in tables:
        for header in table.columns:  # „Vergleichsregionen“ printed whole, not as „V ergleichsregi onen“
            assert words(header) <= printed, header
    flat = [" ".join(text.split()) for text in texts]
    for table in (t for t in tables if len(t.rows) >= 2):
        for first, second in ((table.rows[0], table.rows[1]), (table.rows[-2], table.rows[-1])):
            pages = [i for i, text in enumerate(flat) if opening(first[0]) in text]
            assert any(opening(second[0]) in flat[i] for i in pages), (table.columns, first[0], second[0])


def test_a_gemeinde_is_mapped_within_its_kreis_with_its_neighbours_named(workbook):
    document = regional_profile(team_workbook(workbook, REGIONS["gemeinde"]), today=date(2027, 6, 1))
    (figure,) = [b for b in document.blocks if isinstance(b, Figure) and "rl-region-map" in b.markup]
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", figure.markup)
    assert "Lautertal (Vogelsberg)" in labels and "Vogelsbergkreis" in labels
    assert {"Alsfeld, Stadt", "Schotten, Stadt", "Herbstein, Stadt"} <= set(labels) and len(labels) >= 10
    assert "Wetteraukreis" in labels  # a district around, for orientation
    assert "Vogelsbergkreis" in to_html(document)
