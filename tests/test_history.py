"""Nothing a team member does destroys another's work: every earlier version and every removed record comes back.

Two workbook objects on one file stand for two members' pages (Anna's and Ben's kernels).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import ipywidgets as ipw
import pytest

from regionallabor.core.messages import t
from regionallabor.core.model import (
    RECORD_TYPES,
    Akteur,
    Beziehung,
    Einladung,
    Gespraech,
    Kennzahl,
    Member,
    Reflexion,
    Statusbericht,
    Vernetzung,
    Vision,
)
from regionallabor.core.store import Arbeitsmappe, WorkbookError, current_person
from regionallabor.modul3.beziehungsnetz import load_network, remove_actor
from regionallabor.testing import fill_actions, fill_bestandsaufnahme, fill_network, fill_planning, fill_team_and_region
from regionallabor_widgets.history import PersonChoice, WorkbookHistory
from tests.helpers import control, edited


@pytest.fixture
def pages(tmp_path) -> tuple[Arbeitsmappe, Arbeitsmappe]:
    """Anna's and Ben's pages on one team's workbook, which holds a record of every kind."""
    path = tmp_path / "arbeitsmappe.sqlite3"
    anna = Arbeitsmappe(path, person="Anna")
    fill_team_and_region(anna, "Lautertal")
    fill_bestandsaufnahme(anna)
    fill_network(anna, 8, 10)
    fill_planning(anna)
    fill_actions(anna, 3)
    actor = anna.list(Akteur)[0].record
    for record in (
        Vernetzung(share=True),
        Kennzahl(name="Vereine", value=42, year=2025, source="Gemeinde"),
        Gespraech(actor_id=actor.id, held_on=date(2027, 3, 10), learned="Sie machen mit."),
        Vision(horizon_year=2035),
        Einladung(id=actor.id, note="angerufen"),
        Statusbericht(phase="Vorbereitung"),
        Reflexion(module=1, key="reflexion-team", text="Wir sind drei."),
    ):
        anna.add(record)
    ben = Arbeitsmappe(path, person="Ben")
    yield anna, ben
    anna.close()
    ben.close()


def test_the_fixture_holds_every_kind(pages):
    anna, _ = pages
    assert [kind for kind in RECORD_TYPES if not anna.count_kind(kind)] == []


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_every_kind_keeps_its_earlier_version_and_comes_back_from_the_papierkorb(pages, kind):
    anna, ben = pages
    cls = RECORD_TYPES[kind]
    original = anna.list(cls)[0]
    assert original.updated_by == "Anna"

    bens = ben.update(edited(original.record), original.version)
    assert ben.get(cls, original.record.id).updated_by == "Ben"
    [earlier] = anna.history(cls, original.record.id)
    assert earlier.record == original.record
    assert (earlier.updated_by, earlier.replaced_by, earlier.removed) == ("Anna", "Ben", False)

    back = anna.restore(cls, earlier.entry)  # Anna takes her version back; Ben's stays in the history
    assert anna.get(cls, original.record.id).record == original.record
    assert back.updated_by == "Anna"
    assert [v.record for v in anna.history(cls, original.record.id)] == [bens.record, original.record]

    ben.delete(cls, original.record.id, back.version)
    assert ben.get(cls, original.record.id) is None
    removed = [group for group in anna.papierkorb() if group[0].record.id == original.record.id]
    assert len(removed) == 1 and removed[0][0].removed and removed[0][0].replaced_by == "Ben"
    anna.restore(cls, removed[0][0].entry)
    assert anna.get(cls, original.record.id).record == original.record
    assert all(group[0].record.id != original.record.id for group in anna.papierkorb())


def test_an_actor_removed_with_its_relations_comes_back_with_them(pages):
    anna, ben = pages
    network = load_network(ben)
    actor = next(entry for entry in network.actors if entry.schatz is None and entry.version is not None)
    relations = {r.record.id for r in ben.list(Beziehung) if actor.id in (r.record.source_id, r.record.target_id)}
    talks = {t.record.id for t in ben.list(Gespraech) if t.record.actor_id == actor.id}
    assert relations and talks
    remove_actor(ben, actor)

    group = anna.papierkorb()[0]
    assert {v.record.id for v in group} == {actor.id} | relations | talks
    anna.restore(Akteur, next(v.entry for v in group if v.record.KIND == Akteur.KIND))
    assert anna.get(Akteur, actor.id) is not None
    assert {r.record.id for r in anna.list(Beziehung)} >= relations
    assert {t.record.id for t in anna.list(Gespraech)} >= talks
    assert anna.papierkorb() == []


def test_one_persons_typing_is_one_version_and_anothers_change_a_new_one(pages):
    anna, ben = pages
    stored = anna.add(Member(name="Cem"))
    for role in ("M", "Mo", "Moderation"):  # saved as it is typed, moments after adding
        stored = anna.update(stored.record.model_copy(update={"role": role}), stored.version)
    assert anna.history(Member, stored.record.id) == []  # one person's burst is one change
    stored = ben.update(stored.record.model_copy(update={"role": "Netzwerk"}), stored.version)
    for role in ("Netzwerk, Presse", "Netzwerk und Presse"):  # Anna goes on typing over Ben's text
        stored = anna.update(stored.record.model_copy(update={"role": role}), stored.version)
    assert [(v.record.role, v.updated_by) for v in anna.history(Member, stored.record.id)] == [
        ("Netzwerk", "Ben"),
        ("Moderation", "Anna"),
    ]


def test_a_later_version_window_keeps_every_save(pages, monkeypatch):
    anna, _ = pages
    monkeypatch.setattr("regionallabor.core.store.VERSION_WINDOW_SECONDS", 0)
    stored = anna.add(Member(name="Cem"))
    for role in ("M", "Mo"):
        stored = anna.update(stored.record.model_copy(update={"role": role}), stored.version)
    assert [v.record.role for v in anna.history(Member, stored.record.id)] == ["M", ""]


def test_an_import_puts_what_it_replaces_into_the_papierkorb(pages):
    anna, ben = pages
    before = {(s.record.KIND, s.record.id) for cls in RECORD_TYPES.values() for s in anna.list(cls)}
    ben.replace_all([Member(name="Dana")])
    [group] = anna.papierkorb()
    assert {(v.record.KIND, v.record.id) for v in group} == before
    anna.restore(Member, next(v.entry for v in group if v.record.KIND == Member.KIND))
    assert {(s.record.KIND, s.record.id) for cls in RECORD_TYPES.values() for s in anna.list(cls)} >= before


def test_restoring_an_unknown_version_is_refused_in_german(pages):
    anna, _ = pages
    revision = anna.revision()
    with pytest.raises(WorkbookError, match="gibt es nicht mehr"):
        anna.restore(Member, 999_999)
    assert anna.revision() == revision


def test_the_person_comes_from_the_pages_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REGIONALLABOR_PERSON", "  Anna Becker ")
    assert current_person() == "Anna Becker"
    workbook = Arbeitsmappe(tmp_path / "a.sqlite3")
    assert workbook.add(Member(name="Anna")).updated_by == "Anna Becker"
    monkeypatch.delenv("REGIONALLABOR_PERSON")
    assert current_person() is None


# the start page's Verlauf und Papierkorb


def text_of(tree) -> str:
    from tests.helpers import widgets_in

    return " ".join(w.value for w in widgets_in(tree) if isinstance(w, ipw.HTML))


def test_a_member_removed_on_bens_page_is_taken_back_on_annas(pages):
    from regionallabor_widgets.modul1.team import TeamEditor

    anna, ben = pages
    history = WorkbookHistory(anna)
    editor = TeamEditor(ben)
    cem = editor.members()[-1]
    editor.remove(cem)
    history.sync.check()
    assert f"Teammitglied „{cem.record.name}“" in text_of(history.trash_box)
    assert "entfernt gerade eben von Ben" in text_of(history.trash_box)

    control(history.trash_box, ipw.Button, "Zurückholen").click()
    assert anna.get(Member, cem.record.id).record == cem.record
    assert f"Teammitglied „{cem.record.name}“ ist wieder da." in history.notice.value
    assert text_of(history.trash_box) == t("history.trash_empty").join(["<div class='rl-help'>", "</div>"])
    editor.sync.check()  # Ben's page shows the member again
    assert cem.record.name in text_of(editor.member_list)


def test_an_earlier_version_is_shown_with_what_it_changes_and_taken_back(pages):
    anna, ben = pages
    stored = anna.add(Member(name="Cem", role="Moderation"))
    ben.update(stored.record.model_copy(update={"role": "Netzwerk <b>fett</b>"}), stored.version)
    history = WorkbookHistory(anna)
    assert "Teammitglied „Cem“" in text_of(history.recent_box)
    assert "geändert gerade eben von Ben" in text_of(history.recent_box)
    assert "<b>fett" not in text_of(history.recent_box)  # a team's text is shown as text

    control(history.recent_box, ipw.Button, "1 frühere Fassung").click()
    versions = text_of(history.recent_box)
    assert "Fassung gerade eben von Anna" in versions
    assert "Rolle im Team: Moderation (jetzt: Netzwerk &lt;b&gt;fett&lt;/b&gt;)" in versions
    control(history.recent_box, ipw.Button, "Diese Fassung zurückholen").click()
    assert anna.get(Member, stored.record.id).record.role == "Moderation"
    assert "Die frühere Fassung von Teammitglied „Cem“ gilt wieder" in history.notice.value


def test_every_records_history_is_reached_from_the_start_page_page_by_page(pages):
    anna, ben = pages
    first = anna.list(Member)[0]
    ben.update(first.record.model_copy(update={"role": "Kasse"}), first.version)
    for number in range(12):  # twelve later changes push the first member off the first page
        anna.add(Member(name=f"Neu {number}"))
    history = WorkbookHistory(anna, recent=8)
    assert len(history.recent_box.children) == 8 and f"„{first.record.name}“" not in text_of(history.recent_box)
    while history.pager.more.layout.display != "none" and f"„{first.record.name}“" not in text_of(history.recent_box):
        history.pager.more.click()
    assert f"Teammitglied „{first.record.name}“" in text_of(history.recent_box)
    assert control(history.recent_box, ipw.Button, "1 frühere Fassung")


def test_a_form_editing_a_record_says_who_changed_it_last(pages):
    from regionallabor_widgets.modul1.team import TeamEditor

    anna, ben = pages
    first = anna.list(Member)[0]
    ben.update(first.record.model_copy(update={"role": "Kasse"}), first.version)
    editor = TeamEditor(anna)
    editor.start_edit(next(s for s in editor.members() if s.record.id == first.record.id))
    assert "Zuletzt geändert gerade eben von Ben." in editor.form_title.value


def test_the_person_chosen_on_a_laptop_signs_this_pages_changes_and_sets_the_cookie(pages, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    _, ben = pages
    ben.person = None
    choice = PersonChoice(ben)
    names = [name for _, name in choice.choice.options]
    assert names[0] == "" and len(names) == 1 + ben.count_kind(Member.KIND)
    choice.choice.value = names[2]
    assert ben.person == names[2]
    assert f"data-person='{quote(names[2])}'" in choice.cookie.value
    assert ben.add(Member(name="Dana")).updated_by == names[2]


def test_on_a_hub_the_login_names_the_person(pages, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "lautertal")
    _, ben = pages
    choice = PersonChoice(ben)
    assert "Angemeldet als Ben –" in text_of(choice)
    assert choice.choice not in choice.children
