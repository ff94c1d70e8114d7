"""Modul 6's tools, driven as a person would through their widgets, without a browser."""

from __future__ import annotations

from datetime import date

import ipywidgets as ipw

from regionallabor.core.model import Akteur, Aktion, Member, Statusbericht, Thementisch, Ziel
from regionallabor.modul6.aktionen import actions
from regionallabor.modul6.aktionspool import load_pool
from regionallabor_widgets.modul6 import ActionOverview, ActionPlan, ActionPool, RegionalProfile, StatusReport
from tests.helpers import assert_all_open, control, downloads, html_of, pdf_text

TODAY = date(2027, 6, 1)


def test_the_pool_filters_pages_and_adopts_into_the_plan_on_the_same_page(workbook):
    pool, plan = ActionPool(workbook), ActionPlan(workbook, today=TODAY)
    total = len(load_pool())
    assert f"{total} von {total} Aktionen" in pool.count.value and len(pool.list.children) == 8
    assert pool.pager.more.description == "Weitere 8 anzeigen"
    pool.field.value = "energie"
    pool.cost.value = "gering"
    cheap_energy = [e for e in load_pool() if e.handlungsfeld == "energie" and e.kosten == "gering"]
    assert f"{len(cheap_energy)} von {total}" in pool.count.value and len(cheap_energy) >= 3
    assert cheap_energy[0].titel in html_of(pool.list.children[0])
    assert "Wer das meist bezahlt" in html_of(pool.list.children[0]) and cheap_energy[0].vorbild in html_of(
        pool.list.children[0]
    )
    pool.query.value = "Raumstation"
    assert "Dazu passt keine Aktion" in pool.list.children[0].value
    pool.query.value, pool.field.value, pool.cost.value = "repair", "", ""
    card = pool.list.children[0]
    control(card, ipw.Button).click()  # „In den Aktionsplan“
    assert "„Repair-Café“ steht jetzt in eurem Aktionsplan" in pool.notice.text
    assert "im Aktionsplan" in html_of(pool.list.children[0])  # the card now says so
    assert [s.record.title for s in actions(workbook)] == ["Repair-Café"]
    assert "Repair-Café" in html_of(plan.list.children[0])  # the plan below reloaded
    assert_all_open(pool)
    assert_all_open(plan)


def test_an_action_is_edited_with_owner_partner_goal_and_dates_and_bad_input_changes_nothing(workbook):
    workbook.add(Member(name="Aylin Demir"))
    goal = workbook.add(Ziel(title="Mobil ohne Auto", handlungsfelder=["mobilitaet"])).record
    table = workbook.add(Thementisch(title="Unterwegs ohne Auto", field="mobilitaet")).record
    workbook.add(Akteur(name="Landratsamt Auenfeld", sector="verwaltung"))
    plan = ActionPlan(workbook, today=TODAY)
    assert list(plan.responsible.options) == ["Aylin Demir"]
    assert list(plan.partners.allowed_tags) == ["Landratsamt Auenfeld"]
    plan.title.value, plan.field.value = "Mitfahrbank", "mobilitaet"
    plan.goal.value, plan.table.value = goal.id, table.id
    plan.responsible.value, plan.partners.value = "Aylin Demir", ["Landratsamt Auenfeld"]
    plan.starts_on.value, plan.due.value = date(2027, 5, 1), date(2027, 4, 1)
    plan.save()
    assert plan.notice.text == "Das Zieldatum liegt vor dem Start – bitte prüft die beiden Daten."
    assert actions(workbook) == []
    plan.due.value = date(2027, 5, 20)
    plan.status.value = "geplant"
    plan.cost.value = "1.200,50"
    plan.save()
    assert plan.notice.text == "Aktion „Mitfahrbank“ gespeichert."
    row_text = html_of(plan.list.children[0])
    assert "macht: Aylin Demir · mit Landratsamt Auenfeld · 01.05.2027 – 20.05.2027" in row_text
    assert "Ziel: Mobil ohne Auto · vom Thementisch „Unterwegs ohne Auto“ · 1.200,50\xa0€" in row_text
    assert "überfällig" in row_text and "rl-task-overdue" in plan.list.children[0]._dom_classes
    assert "1 überfällig" in plan.summary.value

    plan.cost.value = "zwölf"
    plan.title.value = "Zweite Bank"
    plan.save()
    assert plan.notice.text == "Kosten (€): „zwölf“ ist kein Betrag. Schreibt ihn z. B. als 1.200,50."
    plan.cost.value = ""
    plan.partners.value = ["Landratsamt Auenfeld"]
    actor = workbook.list(Akteur)[0]
    workbook.delete(Akteur, actor.record.id, actor.version)  # meanwhile, in another tab
    plan.save()
    assert "steht nicht mehr auf eurer Akteurslandkarte" in plan.notice.text
    assert len(actions(workbook)) == 1
    assert_all_open(plan)


def test_the_row_status_changes_at_once_and_the_filters_find_overdue_ones(workbook):
    workbook.add(Aktion(title="Dorfladen", field="wirtschaft", status="geplant", due=date(2027, 1, 1)))
    workbook.add(Aktion(title="Bürgerbus", field="mobilitaet", status="laeuft", progress=40))
    plan, overview = ActionPlan(workbook, today=TODAY), ActionOverview(workbook, today=TODAY)
    assert "1 überfällig" in plan.summary.value
    plan.status_filter.value = "overdue"
    assert len(plan.list.children) == 1 and "Dorfladen" in html_of(plan.list.children[0])
    plan.status_filter.value = ""
    plan.field_filter.value = "mobilitaet"
    row = plan.list.children[0]
    assert "Bürgerbus" in html_of(row)
    control(row, ipw.Dropdown).value = "erledigt"  # the row's status drop-down
    stored = next(s for s in actions(workbook) if s.record.title == "Bürgerbus")
    assert (stored.record.status, stored.record.progress) == ("erledigt", 100)
    assert plan.notice.text == "„Bürgerbus“: Status „erledigt“ gespeichert."
    assert (
        "1 von 1 erledigt"
        in overview.rollup.value.split("Umsetzung der Aktionen je Handlungsfeld")[1].split("Wirtschaft")[0]
    )
    assert "50 %" in overview.rollup.value.split("rl-rollup-total")[1]
    assert "Dorfladen" in overview.timeline.value and "1 Aktion ohne Zieldatum" in overview.timeline.value
    assert_all_open(plan)


def test_goal_progress_is_shown_as_output_with_the_indicators_that_tell_the_effect(workbook):
    from regionallabor.core.model import Indikator, Wirkungslogik

    bus = workbook.add(Ziel(title="Mobil ohne eigenes Auto", handlungsfelder=["mobilitaet"])).record
    shop = workbook.add(Ziel(title="Ein Laden im Ort", handlungsfelder=["wirtschaft"])).record
    workbook.add(Aktion(title="Dorfauto", field="mobilitaet", status="laeuft", progress=50, goal_id=bus.id))
    workbook.add(Aktion(title="Dorfladen", field="wirtschaft", status="geplant", goal_id=shop.id))
    overview = ActionOverview(workbook, today=TODAY)
    assert overview.rollup.value.count("tragt in Modul 5 einen Indikator für das Outcome ein") == 2
    workbook.add(
        Wirkungslogik(
            id=bus.id,
            indicators=[
                Indikator(text="Zehn Familien nutzen das Dorfauto", noticed_by="Buchungsliste", level="outcome"),
                Indikator(text="Zwölf Fahrten im Monat", level="output"),
            ],
        )
    )
    overview.refresh()
    assert "Ob es wirkt, seht ihr an: Zehn Familien nutzen das Dorfauto (Buchungsliste)" in overview.rollup.value
    assert "Zwölf Fahrten" not in overview.rollup.value  # an output indicator says nothing about the effect
    assert overview.rollup.value.count("tragt in Modul 5 einen Indikator") == 1
    assert "Umsetzung der Aktionen je Ziel" in overview.rollup.value


def test_the_plan_says_who_carries_too_many_actions_and_updates_when_one_is_handed_on(workbook):
    for title in ("Dorfladen", "Bürgerbus", "Repair-Café"):
        workbook.add(Aktion(title=title, field="wirtschaft", status="laeuft", responsible="Lena"))
    plan = ActionPlan(workbook, today=TODAY)
    assert "Lena verantwortet mehr als 2 laufende Aktionen – wer übernimmt eine?" in plan.summary.value
    stored = next(s for s in actions(workbook) if s.record.title == "Repair-Café")
    workbook.update(stored.record.model_copy(update={"responsible": "Ben"}), stored.version)
    plan.refresh()
    assert "verantwortet mehr als" not in plan.summary.value


def test_the_status_report_is_begun_edited_per_keystroke_sent_and_downloaded(workbook):
    report = StatusReport(workbook, today=TODAY)
    assert report.editor.layout.display == "none" and "Noch kein Bericht" in report.history.children[0].value
    report.begin.click()
    assert report.editor.layout.display == ""
    assert report.fields["phase"].value.startswith("Modul 1 · Team & Region")
    report.fields["support"].value = "Wir suchen Kontakt zum Verkehrsverbund."
    stored = workbook.list(Statusbericht)[0]
    assert stored.record.support == "Wir suchen Kontakt zum Verkehrsverbund."  # saved with the keystroke
    second_tab = StatusReport(workbook, today=TODAY)
    assert second_tab.fields["support"].value == "Wir suchen Kontakt zum Verkehrsverbund."
    report.send_button.click()
    assert "Bericht vom 01.06.2027 abgeschlossen" in report.notice.text
    files = downloads(report.history)
    assert set(files) == {"statusbericht-2027-06-01.html", "statusbericht-2027-06-01.pdf"}
    assert "Wir suchen Kontakt zum Verkehrsverbund." in pdf_text(files["statusbericht-2027-06-01.pdf"])
    assert len(report.history.children) == 1 and report.begin.layout.display == ""
    second_tab.sync.check()
    assert second_tab.editor.layout.display == "none"
    assert_all_open(report)


def test_the_regional_profile_is_made_pseudonymised_by_default(workbook):
    workbook.add(Akteur(name="Erika Musterfrau", type="person", sector="zivilgesellschaft", private_person=True))
    workbook.add(Aktion(title="Erzählcafé", field="zusammenhalt", responsible="Erika Musterfrau"))
    profile = RegionalProfile(workbook, today=TODAY)
    assert (
        "Noch nicht begonnen: Modul 1 · Team &amp; Region, Modul 2 · Region unter der Lupe, Modul 4"
        in profile.gaps.value
    )
    files = downloads(profile)
    assert set(files) == {"regionalprofil-pseudonymisiert.html", "regionalprofil-pseudonymisiert.pdf"}
    html = files["regionalprofil-pseudonymisiert.html"].decode("utf-8")
    assert "Erzählcafé" in html and "Erika" not in html and "Privatperson 1" in html
    profile.pseudonymise.value = False
    assert "Erika Musterfrau" in pdf_text(downloads(profile)["regionalprofil.pdf"])


def test_editing_opens_the_form_under_its_row_and_a_saved_change_stays_where_it_was(workbook):
    for title, due in (("Dorfladen", date(2027, 3, 1)), ("Bürgerbus", date(2027, 4, 1)), ("Repair-Café", None)):
        workbook.add(Aktion(title=title, field="wirtschaft", due=due))
    plan = ActionPlan(workbook, today=TODAY)
    titles = lambda: [
        html_of(row).split("rl-member-name'>")[1].split("<")[0] for row in plan.list.children if row is not plan.form
    ]
    assert titles() == ["Dorfladen", "Bürgerbus", "Repair-Café"]
    assert plan.sort_button.layout.display == "none"

    control(plan.list.children[1], ipw.Button, "Bearbeiten").click()
    assert plan.list.children[2] is plan.form  # right under the Bürgerbus row
    assert "rl-row-editing" in plan.list.children[1]._dom_classes
    assert plan.form not in plan.children[1].children  # the top says what is edited instead
    assert "„Bürgerbus“" in html_of(plan.children[1]) and "unten in der Liste" in html_of(plan.children[1])
    plan.due.value = date(2027, 1, 15)  # would sort it first
    plan.save()
    assert plan.notice.text == "Aktion „Bürgerbus“ gespeichert."
    assert titles() == ["Dorfladen", "Bürgerbus", "Repair-Café"]  # it stays under the cursor
    assert plan.form in plan.children[1].children and plan.form not in plan.list.children
    assert plan.sort_button.layout.display == ""

    plan.title.value, plan.field.value, plan.due.value = "Mitfahrbank", "mobilitaet", date(2027, 9, 1)
    plan.save()
    assert titles() == ["Mitfahrbank", "Dorfladen", "Bürgerbus", "Repair-Café"]  # the new one first
    plan.sort_button.click()
    assert titles() == ["Bürgerbus", "Dorfladen", "Mitfahrbank", "Repair-Café"]
    assert plan.sort_button.layout.display == "none"

    control(plan.list.children[3], ipw.Button, "Bearbeiten").click()
    plan.cancel.click()
    assert plan.form in plan.children[1].children and all(
        "rl-row-editing" not in r._dom_classes for r in plan.list.children
    )
    assert_all_open(plan)
