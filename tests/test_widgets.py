"""The course tools' state and behaviour, without a browser (as ipywidgets tests its own widgets)."""

from __future__ import annotations

import json
import time
from datetime import date

import ipywidgets as ipw

from regionallabor.core.model import Member, Region, SwotEntry
from regionallabor.core.store import Arbeitsmappe
from regionallabor_widgets.base import WorkbookSync
from regionallabor_widgets.modul1.region import RegionEditor
from regionallabor_widgets.modul1.team import TeamEditor
from regionallabor_widgets.start import ModuleOverview, WorkbookTransfer
from tests.helpers import download


def add_person(editor: TeamEditor, name: str, **fields) -> None:
    editor.name.value = name
    for field, value in fields.items():
        getattr(editor, field).value = value
    editor.submit_form()


def test_team_editor_adds_edits_and_removes_members(workbook):
    editor = TeamEditor(workbook)
    assert "mindestens drei Menschen – bisher 0" in editor.size_hint.value
    add_person(editor, "Anna Berger", role="Moderation", email="anna@dorf.de")
    add_person(editor, "Ben", is_main_contact=True)
    add_person(editor, "Clara")
    assert [s.record.name for s in workbook.list(Member)] == ["Anna Berger", "Ben", "Clara"]
    assert editor.size_hint.kind == "success"
    anna = workbook.list(Member)[0]
    editor.start_edit(anna)
    assert editor.name.value == "Anna Berger" and editor.role.value == "Moderation"
    editor.organisation.value = "Bioladen"
    editor.submit_form()
    assert workbook.get(Member, anna.record.id).record.organisation == "Bioladen"
    editor.remove(workbook.list(Member)[2])
    assert workbook.count_kind("member") == 2
    assert "Clara wurde aus dem Team entfernt" in editor.notice.value


def enter(field: ipw.Text) -> None:
    """What the browser sends when Enter is pressed in a one-line field."""
    field._handle_custom_msg({"event": "submit"}, [])


def test_enter_in_a_form_field_saves_the_form(workbook):
    editor = TeamEditor(workbook)
    editor.name.value, editor.role.value = "Anna Berger", "Moderation"
    enter(editor.role)
    assert [(s.record.name, s.record.role) for s in workbook.list(Member)] == [("Anna Berger", "Moderation")]
    assert editor.name.value == ""  # the form was saved and emptied, as by its button
    enter(editor.name)  # Enter in the empty form: refused in German, nothing saved
    assert editor.notice.kind == "error" and workbook.count_kind("member") == 1
    from regionallabor_widgets.modul6 import ActionPlan

    plan = ActionPlan(workbook)
    plan.title.value = "Bürgerbus-Probefahrt"
    enter(plan.title)
    assert "Bürgerbus-Probefahrt" in [s.record.title for s in workbook.list(plan.MODEL)]


def test_enter_leaves_a_field_alone_that_saves_itself(workbook):
    from regionallabor_widgets.base import WorkbookTool, button, css

    class Form(WorkbookTool):
        def __init__(self, workbook):
            super().__init__(workbook)
            self.saved, self.pressed = [], []
            self.own = ipw.Text()  # saved on every change, like the conference's title
            self.on_value(self.own, self.saved.append)
            self.typed = ipw.Text()
            self.add = button("Hinzufügen", "primary")
            self.on_click(self.add, lambda: self.pressed.append(self.typed.value))
            self.children = [css(ipw.VBox([self.own, self.typed, self.add]), "rl-form")]
            self.start()

        def refresh(self):
            pass

    form = Form(workbook)
    form.own.value = "Titel"
    enter(form.own)
    assert form.saved == ["Titel"] and form.pressed == []
    form.typed.value = "Eintrag"
    enter(form.typed)
    assert form.pressed == ["Eintrag"]


def test_empty_name_is_refused_and_nothing_is_saved(workbook):
    editor = TeamEditor(workbook)
    add_person(editor, "   ", role="Moderation")
    assert editor.notice.kind == "error"
    assert "Name: Bitte gebt etwas ein" in editor.notice.value
    assert workbook.count_kind("member") == 0
    assert editor.role.value == "Moderation"  # the form keeps what was typed


def test_only_one_main_contact(workbook):
    editor = TeamEditor(workbook)
    add_person(editor, "Anna", is_main_contact=True)
    add_person(editor, "Ben")
    ben = workbook.list(Member)[1]
    editor.mark_main_contact(ben)
    assert [s.record.is_main_contact for s in workbook.list(Member)] == [False, True]


def test_member_names_are_escaped(workbook):
    editor = TeamEditor(workbook)
    add_person(editor, "<script>alert('x')</script>")
    rendered = "".join(getattr(w, "value", "") for row in editor.member_list.children for w in row.children)
    assert "<script>" not in rendered
    assert "&lt;script&gt;" in rendered


def test_team_name_is_saved_on_every_change(workbook):
    editor = TeamEditor(workbook)
    editor.team_name.value = "Mitmach-Team Kinzigtal"
    reopened = TeamEditor(Arbeitsmappe(workbook.path))
    assert reopened.team_name.value == "Mitmach-Team Kinzigtal"


def test_two_people_saving_one_entry_the_second_sees_both_texts_and_decides(workbook_path):
    annas = TeamEditor(Arbeitsmappe(workbook_path, person="Anna"))
    add_person(annas, "Cem")
    bens = TeamEditor(Arbeitsmappe(workbook_path, person="Ben"))
    annas.start_edit(annas.members()[0])
    bens.start_edit(bens.members()[0])
    bens.role.value = "Netzwerk"
    bens.submit_form()
    annas.role.value = "Organisation <b>& Kasse</b>"
    assert annas.submit_form() is None
    assert annas.notice.kind == "warning"
    assert "Teammitglied „Cem“ wurde gerade eben von Ben geändert" in annas.notice.value
    assert "eure Fassung: <span class='rl-conflict-text'>Organisation &lt;b&gt;&amp; Kasse&lt;/b&gt;</span>" in (
        annas.notice.value
    )
    assert "gespeichert: <span class='rl-conflict-text'>Netzwerk</span>" in annas.notice.value
    assert Arbeitsmappe(workbook_path).list(Member)[0].record.role == "Netzwerk"
    assert annas.role.value == "Organisation <b>& Kasse</b>"  # what Anna typed stays in her form …
    assert annas.submit_form() is not None  # … and saving it again makes it count, knowingly
    workbook = Arbeitsmappe(workbook_path)
    cem = workbook.list(Member)[0]
    assert cem.record.role == "Organisation <b>& Kasse</b>"
    assert [v.record.role for v in workbook.history(Member, cem.record.id)][:1] == ["Netzwerk"]  # Ben's is kept


def test_a_text_typed_while_another_person_types_in_it_is_shown_not_dropped(workbook_path):
    from regionallabor.core.model import Kritikpunkt
    from regionallabor_widgets.modul4 import CritiquePhase

    annas = CritiquePhase(Arbeitsmappe(workbook_path, person="Anna"))
    annas.board.act("add", column="mobilitaet", text="Bus")
    bens = CritiquePhase(Arbeitsmappe(workbook_path, person="Ben"))
    (card,) = bens.board.cards
    bens.board.act("edit", id=card["id"], text="Sonntags fährt kein Bus")
    annas.board.act("edit", id=card["id"], text="Der Bus fährt zu selten")  # Anna's page had not heard of it yet
    assert "eure Fassung: <span class='rl-conflict-text'>Der Bus fährt zu selten</span>" in annas.notice.value
    assert "gespeichert: <span class='rl-conflict-text'>Sonntags fährt kein Bus</span>" in annas.notice.value
    assert annas.board.card_texts("mobilitaet") == ["Sonntags fährt kein Bus"]  # the card shows what is saved
    assert Arbeitsmappe(workbook_path).list(Kritikpunkt)[0].record.text == "Sonntags fährt kein Bus"


def test_an_entry_removed_while_it_is_in_another_persons_form_keeps_what_was_typed(workbook_path):
    annas = TeamEditor(Arbeitsmappe(workbook_path, person="Anna"))
    add_person(annas, "Cem")
    bens = TeamEditor(Arbeitsmappe(workbook_path, person="Ben"))
    annas.start_edit(annas.members()[0])
    annas.role.value = "Moderation"
    bens.remove(bens.members()[0])
    annas.sync.check()  # Anna's page hears of the removal
    assert "Teammitglied „Cem“ wurde gerade eben von Ben entfernt" in annas.notice.text
    assert "steht noch im Formular" in annas.notice.text
    assert (annas.name.value, annas.role.value) == ("Cem", "Moderation")
    assert annas.submit_form() is not None  # saved anew
    assert [(s.record.name, s.record.role) for s in Arbeitsmappe(workbook_path).list(Member)] == [("Cem", "Moderation")]


def test_an_entry_removed_before_the_save_arrives_keeps_what_was_typed_too(workbook_path):
    from regionallabor_widgets.modul5.aufgaben import TaskPlan

    annas = TaskPlan(Arbeitsmappe(workbook_path, person="Anna"))
    annas.title.value, annas.due.value = "Saal buchen", date(2027, 4, 1)
    annas.save()
    bens = TaskPlan(Arbeitsmappe(workbook_path, person="Ben"))
    annas.load(annas.records()[0])
    annas.title.value = "Saal und Technik buchen"
    bens.remove(bens.records()[0])
    assert annas.save() is None  # before Anna's page heard of it
    assert "wurde gerade eben von Ben entfernt" in annas.notice.text
    assert annas.title.value == "Saal und Technik buchen" and annas.submit.description == annas.add_label
    assert annas.save() is not None


def test_sync_reloads_a_page_when_another_kernel_writes(workbook_path):
    page = TeamEditor(Arbeitsmappe(workbook_path))
    other = Arbeitsmappe(workbook_path)
    other.add(Member(name="Aus dem anderen Tab"))
    assert page.sync.check() is True
    assert "Aus dem anderen Tab" in page.member_list.children[0].children[0].value
    assert page.sync.check() is False


def test_own_writes_do_not_trigger_a_reload(workbook):
    sync = WorkbookSync(workbook)
    reloads = []
    sync.subscribe(lambda: reloads.append(1))
    stored = workbook.add(Member(name="Anna"))
    sync.own_write(stored.version)
    assert sync.check() is False and reloads == []


def test_region_editor_search_add_remove_and_figures(workbook):
    editor = RegionEditor(workbook)
    editor.query.value = "Titisee"
    hits = editor.search()
    assert hits and "Treffer" in editor.search_notice.value
    editor.add_area(hits[0].id)
    assert workbook.get(Region).record.area_ids == [hits[0].id]
    assert "Einwohner:innen" in editor.figures.value and "Stand 31.12.2019" in editor.figures.value
    assert "Destatis" in editor.figures.value
    # Titisee-Neustadt has no shipped boundary: a point, named, inside its district with the district's other
    # Gemeinden as small dots, the larger ones named
    svg = editor.map.value
    assert svg.count("<circle cx") > 40 and svg.count('r="7"') == 1 and f"<title>{hits[0].name}</title>" in svg
    assert f">{hits[0].name}</text>" in svg and ">Breisgau-Hochschwarzwald</text>" in svg
    assert ">Freiburg im Breisgau</text>" in svg  # a district around
    assert 'stroke-dasharray="4"' in svg  # the district it lies in
    assert editor.map_box.layout.display == ""
    editor.remove_area(hits[0].id)
    assert workbook.get(Region).record.area_ids == []
    assert editor.map.value == "" and editor.map_box.layout.display == "none"


def test_region_search_without_match_says_so(workbook):
    editor = RegionEditor(workbook)
    editor.query.value = "Entenhausen"
    assert editor.search() == []
    assert "Zu „Entenhausen“ haben wir in Deutschland nichts gefunden" in editor.search_notice.value


def test_region_fields_are_saved_at_once_and_survive_reopening(workbook):
    editor = RegionEditor(workbook)
    editor.country.value = "AT"
    editor.name.value = "Ausseerland"
    editor.area_type.value = "gemeinden"
    editor.weggemeinschaft.value = "Österreich"
    editor.why.value = "Drei Gemeinden, ein Tal."
    reopened = RegionEditor(Arbeitsmappe(workbook.path))
    assert (reopened.country.value, reopened.name.value, reopened.area_type.value) == ("AT", "Ausseerland", "gemeinden")
    assert reopened.weggemeinschaft.value == "Österreich" and reopened.why.value == "Drei Gemeinden, ein Tal."


def test_own_figures_validate_and_replace_reference_figures(workbook):
    editor = RegionEditor(workbook)
    editor.own_population.value = "4.250"
    editor.own_year.value = "2025"
    editor.own_source.value = ""
    assert editor.save_own_figures() is False and "Quelle" in editor.own_notice.value
    editor.own_source.value = "Einwohnermeldeamt"
    editor.own_area.value = "-3"
    assert editor.save_own_figures() is False and "größer als 0" in editor.own_notice.value
    assert workbook.get(Region) is None
    editor.own_area.value = "12,5"
    assert editor.save_own_figures() is True
    assert workbook.get(Region).record.own_figures.population == 4250
    assert "4.250" in editor.figures.value and "12,5 km²" in editor.figures.value and "340" in editor.figures.value
    editor.own_area.value = "12.5"  # a decimal point, as many type it: 12.5 km², not 125
    assert editor.save_own_figures() is True
    assert workbook.get(Region).record.own_figures.area_km2 == 12.5


def test_transfer_refuses_a_bad_file_and_changes_nothing(workbook):
    workbook.add(Member(name="Anna"))
    transfer = WorkbookTransfer(workbook)
    assert transfer.receive("foto.json", b"kein json") is None
    assert transfer.notice.kind == "error"
    assert workbook.count_kind("member") == 1


def test_transfer_export_then_import_replaces_after_confirmation(workbook, tmp_path):
    workbook.add(Member(name="Anna"))
    transfer = WorkbookTransfer(workbook)
    filename, raw = download(transfer.export_button)
    assert filename.endswith(".json") and json.loads(raw)["records"]["member"][0]["name"] == "Anna"
    exported = json.loads(json.dumps(workbook.export_data()))
    exported["records"]["member"] = [{"id": "b1", "name": "Ben"}]
    transfer.receive("andere.json", json.dumps(exported).encode())
    assert "1 Teammitglied" in transfer.notice.value
    assert workbook.count_kind("member") == 1 and workbook.list(Member)[0].record.name == "Anna"
    transfer.confirm_import()
    assert [s.record.name for s in workbook.list(Member)] == ["Ben"]
    assert list(workbook.backup_dir.glob("*vor-import*"))


def test_module_overview_links_only_to_existing_modules(workbook, tmp_path):
    (tmp_path / "01_team_und_region.ipynb").write_text("{}")
    overview = ModuleOverview(workbook, tmp_path)
    assert "href='01_team_und_region.ipynb'" in overview.value
    assert overview.value.count("href=") == 1
    assert "data-status='not_started'" in overview.value
    workbook.add(Member(name="Anna"))
    overview.refresh()
    assert "data-module='1' data-status='in_progress'" in overview.value
    assert "Noch offen:" in overview.value


def test_subscribe_returns_its_unsubscribe(workbook_path):
    sync = WorkbookSync(Arbeitsmappe(workbook_path))
    reloads = []
    unsubscribe = sync.subscribe(lambda: reloads.append(1))
    Arbeitsmappe(workbook_path).add(Member(name="Anna"))
    assert sync.check() is True and reloads == [1]
    unsubscribe()
    unsubscribe()  # a second call changes nothing
    Arbeitsmappe(workbook_path).add(Member(name="Ben"))
    assert sync.check() is True and reloads == [1]
    assert sync.listeners == []


def test_a_closed_tool_is_no_longer_refreshed_and_is_garbage_collected(workbook_path):
    import gc
    import weakref

    import ipywidgets as ipw

    workbook = Arbeitsmappe(workbook_path)
    before = set(ipw.widgets.widget._instances)
    editor = TeamEditor(workbook)
    overview = ModuleOverview(workbook)
    # the tools' own widgets; their Layouts stay open, one Layout may serve several widgets
    made = {
        model_id
        for model_id, widget in ipw.widgets.widget._instances.items()
        if model_id not in before and isinstance(widget, ipw.DOMWidget)
    }
    sync = editor.sync
    assert editor.refresh in sync.listeners and overview.refresh in sync.listeners
    editor.close()
    overview.close()
    assert sync.listeners == []
    assert not made & set(ipw.widgets.widget._instances)  # every model the tools made is closed
    Arbeitsmappe(workbook_path).add(Member(name="Aus dem anderen Tab"))
    assert sync.check() is True
    gone_editor, gone_overview = weakref.ref(editor), weakref.ref(overview)
    del editor, overview
    gc.collect()
    assert gone_editor() is None and gone_overview() is None


def test_the_selbstcheck_follows_every_tool_on_its_page(workbook):
    """A write in any tool reloads the page's other tools that show its kinds – the store records which
    kinds a write touched, so a tool cannot forget to say so (Modul 1's and 2's tools once did)."""
    from regionallabor_widgets.arbeitsblatt import WorksheetSubmission
    from regionallabor_widgets.modul2 import SwotBoard

    team, submission = TeamEditor(workbook), WorksheetSubmission(workbook, 1)
    assert "mindestens 3 Teammitglieder (bisher 0)" in submission.check.value
    for name in ("Anna", "Ben", "Cem"):
        team.name.value = name
        team.submit.click()
    assert "Teammitglieder" not in submission.check.value  # without a reload
    assert [s.record.name for s in workbook.list(Member)] == ["Anna", "Ben", "Cem"]

    board, check2 = SwotBoard(workbook), WorksheetSubmission(workbook, 2)
    shown = check2.check.value
    board.board.act("add", column="staerken", text="Viele aktive Vereine")
    assert check2.check.value != shown
    assert workbook.kinds_at(workbook.revision()) == {SwotEntry.KIND}


def test_the_start_page_shows_who_works_in_which_module_now(workbook_path, monkeypatch):
    from regionallabor_widgets.base.presence import GONE_AFTER_SECONDS, PagePresence
    from regionallabor_widgets.start import WhoIsHere

    here = WhoIsHere(Arbeitsmappe(workbook_path, person="Anna"))
    assert here.value == ""  # alone: no line about it
    ben = Arbeitsmappe(workbook_path, person="Ben")
    bens_module = PagePresence(ben, 3)
    PagePresence(ben, 0)
    PagePresence(Arbeitsmappe(workbook_path, person="Cem"), 1)
    PagePresence(Arbeitsmappe(workbook_path, person="<b>Dana</b>"), 6)
    PagePresence(Arbeitsmappe(workbook_path, person="Anna"), 2)  # Anna's own other tab: not news to her
    here.presence.beat()
    assert (
        "Gerade dabei: Ben auf der Startseite und in Modul 3 (Beziehungsnetz), Cem in Modul 1 (Team &amp; Region), "
        "&lt;b&gt;Dana&lt;/b&gt; in Modul 6" in here.value
    )
    ben.leave(bens_module.page)  # Ben's Modul 3 kernel ended
    here.presence.beat()
    assert "Ben auf der Startseite, Cem" in here.value
    later = time.time() + GONE_AFTER_SECONDS + 1  # the others' kernels were killed: no sign of life since
    monkeypatch.setattr(time, "time", lambda: later)
    here.presence.beat()
    assert here.value == ""


def test_dates_are_typed_and_shown_the_german_way_and_an_unreadable_one_saves_nothing(workbook):
    from regionallabor_widgets.base import DateField, TimeField
    from regionallabor_widgets.modul6 import ActionPlan

    field = DateField()
    field.text = "1.5.27"  # as the browser sends what was typed, when the field is left
    assert (field.value, field.text, field.iso, field.problem) == (date(2027, 5, 1), "01.05.2027", "2027-05-01", "")
    field.text = "2027-06-30"  # what the browser's calendar hands over
    assert (field.value, field.text) == (date(2027, 6, 30), "30.06.2027")
    field.text = "31.02.2027"
    assert field.value == date(2027, 6, 30) and field.problem.startswith("„31.02.2027“ ist kein Datum")
    field.value = date(2027, 6, 30)  # the tool sets a value, even the one it had: the text follows
    assert (field.text, field.problem) == ("30.06.2027", "")
    field.text = "<b>" + "x" * 500
    assert field.value == date(2027, 6, 30) and len(field.problem) < 200
    field.text = ""
    assert field.value is None and field.problem == ""
    clock = TimeField()
    clock.text = "9"
    assert (clock.value.isoformat(), clock.text) == ("09:00:00", "09:00")
    clock.text = "25:00"
    assert clock.problem.startswith("„25:00“ ist keine Uhrzeit")

    plan = ActionPlan(workbook)
    plan.title.value, plan.starts_on.text = "Mitfahrbank", "1.4.2027"
    plan.due.text = "bis Ostern"
    plan.save()
    assert plan.notice.kind == "error" and plan.notice.text.startswith("„bis Ostern“ ist kein Datum")
    assert workbook.list(plan.MODEL) == []
    plan.due.text = "30.6.27"
    enter(plan.due)  # Enter in a date field saves the form too
    (saved,) = [s.record for s in workbook.list(plan.MODEL)]
    assert (saved.starts_on, saved.due) == (date(2027, 4, 1), date(2027, 6, 30))
    assert plan.due.text == "" and plan.starts_on.value is None  # the emptied form
