"""The handbook „Mitmach-Konferenz“: it builds without warnings, its links hold, the course's links land on
real chapters, its templates come from the planner's presets, and no placeholder text is left."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from regionallabor.course import MODULES
from regionallabor.handbuch import build as handbuch
from regionallabor.handbuch.build import HANDBOOK_DIR, HandbookError, broken_links, build, chapter, chapters
from regionallabor.handbuch.textpruefung import findings
from regionallabor.modul5.konferenz import BREAK_FORMATS, PRESETS, preset_agenda, preset_budget, preset_schedule

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_TOPICS = (
    "Was eine Mitmach-Konferenz ist",
    "Regional-Team",
    "Zeitplan",
    "einladen",
    "Budget",
    "Geld und Recht",
    "Programm",
    "Landkarte der Initiativen",
    "Dokumentieren",
    "Datenschutz",
    "Nach der Konferenz",
    "SWOT",
    "Akteurslandkarte",
    "Zukunftswerkstatt",
    "Wirkungslogik",
    "Vorlagen",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build("html", tmp_path_factory.mktemp("handbuch") / "html")


def page_text(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_the_handbook_has_the_chapters_the_course_needs_in_order():
    titles = [c.title for c in chapters()]
    assert len(titles) >= 10
    for number, topic in enumerate(REQUIRED_TOPICS, start=1):
        assert topic in titles[number - 1], (number, titles[number - 1])
    for slug in (c.slug for c in chapters()):
        text = (HANDBOOK_DIR / f"{slug}.md").read_text(encoding="utf-8")
        assert "## Checkliste" in text or slug == "vorlagen", f"{slug} ends without a checklist"
        assert len(text.split()) > 500, f"{slug} is too thin to help anyone"


def test_the_site_builds_without_warnings_and_every_internal_link_lands(site):
    assert (site / "index.html").exists()
    for c in chapters():
        page = site / f"{c.slug}.html"
        assert c.title in page_text(page)
    assert broken_links(site) == []
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in index and 'placeholder="Suche"' in index and ">Kapitel<" in index


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(
        "<p id='da'><a href='b.html'>weg</a> <a href='a.html#nirgends'>x</a>"
        " <a href='#da'>ok</a> <a href='https://example.org/'>extern</a></p>"
    )
    assert broken_links(site) == ["a.html -> b.html", "a.html -> a.html#nirgends"]


def test_a_broken_reference_fails_the_build(tmp_path, monkeypatch):
    copy = tmp_path / "handbook"
    shutil.copytree(HANDBOOK_DIR, copy, ignore=shutil.ignore_patterns("_build"))
    zeitplan = copy / "zeitplan.md"
    zeitplan.write_text(
        zeitplan.read_text(encoding="utf-8") + "\nMehr in [Kapitel 11](gibt-es-nicht.md).\n", encoding="utf-8"
    )
    monkeypatch.setattr(handbuch, "HANDBOOK_DIR", copy)
    with pytest.raises(HandbookError, match="gibt-es-nicht"):
        build("html", tmp_path / "html")


def test_every_chapter_a_module_links_to_exists_and_is_built(site):
    linked = {slug for module in MODULES for slug in module.handbook}
    assert {module.number for module in MODULES if module.handbook} == {1, 2, 3, 4, 5, 6}
    for slug in linked:
        found = chapter(slug)
        assert found.url.endswith(f"html/{slug}.html")
        assert (site / f"{slug}.html").exists()
    for path in sorted((ROOT / "modules").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for link in re.findall(r"handbook/_build/html/([\w-]+)\.html", "".join("".join(c["source"]) for c in cells)):
            chapter(link)
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        number = int(path.name[:2])
        assert (f"HandbookLinks({number})" if number else "HandbookLinks()") in code, path.name
    with pytest.raises(HandbookError, match="kein Kapitel"):
        chapter("gibt-es-nicht")


def test_templates_are_printed_from_the_planners_presets_not_copied(site):
    vorlagen, zeitplan, budget = (
        page_text(site / f"{slug}.html") for slug in ("vorlagen", "zeitplan", "ort-und-budget")
    )
    sources = "\n".join(path.read_text(encoding="utf-8") for path in HANDBOOK_DIR.glob("*.md"))
    for key in PRESETS:
        for _day, span, slot_format, title in preset_agenda(key):
            assert f"{span} {slot_format} {title}" in vorlagen
            if len(title.split()) >= 4:  # distinctive enough that a match means a copy
                assert title not in sources, f"{title!r} is copied into the handbook instead of printed from the preset"
        for when, task in preset_schedule(key):
            assert f"{when} {task}" in zeitplan
        lines, total = preset_budget(key)
        assert f"Summe {total}".replace("\xa0", " ") in budget  # page_text turns every space into " "
    assert "6 Wochen vorher Termin und Raum festmachen" in zeitplan


def test_the_presets_keep_the_handbooks_own_rules_for_a_programme():
    """„Von der Zeit ohne Pausen arbeiten die Gäste mindestens die Hälfte selbst; die Bühne hat höchstens ein Viertel.“"""

    def minutes(start, end):
        (h1, m1), (h2, m2) = (map(int, start.split(":")), map(int, end.split(":")))
        return (h2 - h1) * 60 + m2 - m1

    for key, preset in PRESETS.items():
        total = sum(minutes(start, end) for _, start, end, _, _ in preset.slots)
        working = sum(minutes(start, end) for _, start, end, fmt, _ in preset.slots if fmt not in BREAK_FORMATS)
        guests = sum(
            minutes(start, end)
            for _, start, end, fmt, _ in preset.slots
            if fmt not in (*BREAK_FORMATS, "begruessung", "impuls")
        )
        stage = total - sum(
            minutes(start, end) for _, start, end, fmt, _ in preset.slots if fmt not in ("begruessung", "impuls")
        )
        assert guests >= working / 2, key
        assert stage <= total / 4, key


def test_no_placeholder_or_generic_masculine_in_the_courses_texts():
    texts = {path.name: path.read_text(encoding="utf-8") for path in HANDBOOK_DIR.glob("*.md")}
    for path in (ROOT / "modules").glob("*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        texts[path.name] = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    pool = ROOT / "regionallabor" / "data" / "aktionspool" / "aktionspool.toml"
    texts[pool.name] = pool.read_text(encoding="utf-8")
    problems = {name: found for name, text in texts.items() if (found := findings(text))}
    assert problems == {}


def test_the_language_check_catches_what_it_is_for():
    assert findings("Lorem ipsum\nDas machen wir später (TODO)\nTermin: TBD") == [
        "Zeile 1: Platzhalter „Lorem“",
        "Zeile 1: Platzhalter „ipsum“",
        "Zeile 2: Platzhalter „TODO“",
        "Zeile 3: Platzhalter „TBD“",
    ]
    assert findings("Alle Teilnehmer bekommen ein Namensschild.") == [
        "Zeile 1: „Teilnehmer“ – bitte geschlechtergerecht schreiben"
    ]
    assert findings("Alle Teilnehmer:innen, der Bürgerbus und die Schülervertretung.") == []


def test_a_module_page_links_its_chapters_in_a_new_tab():
    from regionallabor_widgets.handbuch import HandbookLinks

    links = HandbookLinks(5).value
    hrefs = re.findall(r"href='([^']+)'", links)
    assert hrefs == [chapter(slug).url for slug in MODULES[4].handbook]
    assert all(href.startswith("../../files/handbook/_build/html/") for href in hrefs)
    assert links.count("target='_blank'") == len(hrefs)
    assert "Kapitel 3</span> Zeitplan rückwärts vom Konferenztag" in links
    assert "Als PDF" not in links and "Das ganze Handbuch" not in links


def test_the_start_page_lists_every_chapter_and_offers_the_pdf_once_built(tmp_path, monkeypatch):
    from regionallabor_widgets.handbuch import HandbookLinks

    monkeypatch.setattr(handbuch, "PDF_DIR", tmp_path)
    whole = HandbookLinks().value
    assert [int(n) for n in re.findall(r"Kapitel (\d+)</span>", whole)] == list(range(1, len(chapters()) + 1))
    assert "../../files/handbook/_build/html/index.html" in whole
    assert "Als PDF" not in whole
    (tmp_path / handbuch.PDF_NAME).write_bytes(b"%PDF-1.4")
    assert "href='../../files/handbook/_build/pdf/handbuch-mitmach-konferenz.pdf'" in HandbookLinks().value
