"""Reference data search and sums, and module status."""

from __future__ import annotations

from regionallabor import refdata
from regionallabor.core.model import Member, OwnFigures, Region
from regionallabor.core.store import Arbeitsmappe
from regionallabor.course import MODULES, Status, available_modules
from regionallabor.modul1.selbstcheck import missing as module1_missing


def labels(country, query):
    return [a.label for a in refdata.search(country, query)]


def test_search_finds_umlauts_either_way_and_ranks_exact_matches_first():
    assert labels("DE", "München")[:2] == ["München (kreisfreie Stadt)", "München (Landkreis)"]
    assert labels("DE", "muenchen")[:2] == labels("DE", "München")[:2]
    assert labels("BZ", "Bozen")[0].startswith("Bolzano/Bozen")
    assert refdata.search("AT", "Innsbruck")[0].country == "AT"
    assert refdata.search("CH", "xyzzy") == []


def test_summarize_does_not_count_a_gemeinde_twice():
    kreis = refdata.area("DE-08315")
    gemeinde = next(a for a in refdata.search("DE", "Titisee-Neustadt") if a.level == "Gemeinde")
    assert gemeinde.parent_id == kreis.id
    figures = refdata.summarize([kreis.id, gemeinde.id])
    assert figures.population == kreis.population
    assert figures.double_counted == (gemeinde.name,)
    assert figures.stand == "31.12.2020"


def test_summarize_names_gemeinden_without_population():
    gemeinde = refdata.search("AT", "Hallstatt")[0]
    figures = refdata.summarize([gemeinde.id])
    assert figures.population is None and figures.missing_population == (gemeinde.name,)
    assert figures.area_km2 > 0


def test_module1_status_follows_the_workbook(tmp_path):
    wb = Arbeitsmappe(tmp_path / "wb.sqlite3")
    module1 = MODULES[0]
    assert module1.status(wb) is Status.NOT_STARTED
    wb.add(Member(name="Anna", is_main_contact=True))
    assert module1.status(wb) is Status.IN_PROGRESS
    assert "mindestens 3 Teammitglieder (bisher 1)" in module1_missing(wb)
    wb.add(Member(name="Ben"))
    wb.add(Member(name="Clara"))
    wb.save(
        Region(
            name="Quartier Nord",
            area_type="stadtteil",
            weggemeinschaft="Deutschland",
            own_figures=OwnFigures(population=4200, year=2025, source="Stadt"),
        ),
        None,
    )
    assert module1_missing(wb) == []
    assert module1.status(wb) is Status.DONE


def test_only_written_modules_are_available(tmp_path):
    (tmp_path / "01_team_und_region.ipynb").write_text("{}")
    assert available_modules(tmp_path) == {1}


def test_own_figures_take_precedence_and_name_their_source():
    from regionallabor.modul1.region import region_figures

    gemeinde = refdata.search("AT", "Hallstatt")[0]
    region = Region(area_ids=[gemeinde.id], own_figures=OwnFigures(population=750, year=2025, source="Gemeindeamt"))
    figures = region_figures(region)
    assert (figures.population, figures.area_km2) == (750, refdata.summarize([gemeinde.id]).area_km2)
    assert figures.stand == "2025" and figures.sources[0] == "eigene Angabe: Gemeindeamt"
    assert figures.missing_population == ()


def test_the_example_workbooks_complete_the_modules_they_fill(workbook):
    from regionallabor import testing

    testing.fill_team_and_region(workbook, "Lautertal")
    testing.fill_bestandsaufnahme(workbook)
    testing.fill_network(workbook, 30, 60)
    testing.fill_planning(workbook, guests=20)
    testing.fill_actions(workbook, 8)
    status = {module.number: module.status(workbook) for module in MODULES}
    assert [status[n] for n in (1, 2, 4)] == [Status.DONE] * 3
    # what the examples leave open on purpose: the tests of checks and warnings start from it
    assert MODULES[2].missing(workbook) == ["mindestens eine Gesprächsnotiz"]
    assert status[5] is status[6] is Status.IN_PROGRESS


def test_the_shipped_boundaries_are_built_from_the_shipped_geojson(tmp_path):
    """grenzen.sqlite3 holds exactly the GeoJSON files' features: rebuilt, row for row the same."""
    import sqlite3

    from regionallabor.refdata import grenzen

    shipped = grenzen._boundaries().execute("SELECT * FROM boundary ORDER BY rowid").fetchall()
    assert shipped == list(grenzen.source_rows())
    grenzen.build_boundaries(tmp_path / "grenzen.sqlite3")
    with sqlite3.connect(tmp_path / "grenzen.sqlite3") as rebuilt:
        assert rebuilt.execute("SELECT * FROM boundary ORDER BY rowid").fetchall() == shipped
