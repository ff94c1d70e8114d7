"""The one message catalog for every user-facing string outside the notebooks' prose.

German is the course language. English is the planned second language: add an
``"en"`` table with the same keys; ``t()`` falls back to German for any key a
translation lacks, so a partial translation never breaks a page.
"""

from __future__ import annotations

import os

DEFAULT_LANGUAGE = "de"

MESSAGES: dict[str, dict[str, str]] = {
    "de": {
        # general
        "app.name": "Regionallabor",
        "saved": "Gespeichert",
        "save": "Speichern",
        "cancel": "Abbrechen",
        "delete": "Entfernen",
        "edit": "Bearbeiten",
        "stale_reloaded": (
            "Jemand aus eurem Team hat das gerade in einem anderen Fenster geändert. "
            "Wir haben den neuesten Stand geladen – bitte prüfe deine Eingabe und speichere noch einmal."
        ),
        # validation
        "field.name": "Name",
        "field.role": "Rolle im Team",
        "field.organisation": "Organisation oder Hintergrund",
        "field.email": "E-Mail",
        "field.population": "Einwohner:innen",
        "field.area_km2": "Fläche",
        "field.year": "Jahr",
        "field.source": "Quelle",
        "field.why": "Warum diese Region?",
        "invalid.empty": "{field}: Bitte gib etwas ein – das Feld darf nicht leer sein.",
        "invalid.too_long": "{field}: Das ist zu lang (höchstens {max} Zeichen).",
        "invalid.email": "{field}: „{value}“ sieht nicht wie eine E-Mail-Adresse aus.",
        "invalid.number": "{field}: Bitte gib eine Zahl ein.",
        "invalid.not_negative": "{field}: Die Zahl darf nicht negativ sein.",
        "invalid.positive": "{field}: Die Zahl muss größer als 0 sein.",
        "invalid.year": "{field}: Bitte gib ein Jahr zwischen {min} und {max} an.",
        "invalid.choice": "{field}: Bitte wähle einen der angebotenen Werte.",
        "invalid.generic": "{field}: Diese Eingabe passt nicht ({detail}).",
        # workbook store and transfer
        "workbook.newer_schema": (
            "Diese Arbeitsmappe stammt aus einer neueren Version des Regionallabors "
            "(Schema {found}, diese Version kennt bis {known}). Bitte aktualisiere das Regionallabor, "
            "bevor du sie öffnest. An der Datei wurde nichts verändert."
        ),
        "workbook.not_a_workbook": (
            "Diese Datei ist keine Regionallabor-Arbeitsmappe. Exportiere die Arbeitsmappe über "
            "„Arbeitsmappe herunterladen“ und lade genau diese Datei wieder hoch."
        ),
        "workbook.bad_json": "Die Datei lässt sich nicht lesen: kein gültiges JSON ({detail}).",
        "workbook.bad_record": "Die Datei enthält einen fehlerhaften Eintrag ({kind} Nr. {index}): {detail}",
        "workbook.unknown_kind": "Die Datei enthält unbekannte Einträge vom Typ „{kind}“.",
        "workbook.duplicate_id": "Die Datei enthält den Eintrag {kind} „{id}“ doppelt.",
        "workbook.too_big": "Die Datei ist zu groß ({size} MB, höchstens {limit} MB).",
        "workbook.unreadable": "Die Arbeitsmappe unter {path} lässt sich nicht öffnen: {detail}",
        # start page
        "start.location": "Eure Arbeitsmappe liegt hier:",
        "start.status.not_started": "nicht begonnen",
        "start.status.in_progress": "in Arbeit",
        "start.status.done": "erledigt",
        "start.open_module": "Modul öffnen",
        "start.coming_soon": "folgt bald",
        "start.still_open": "Noch offen:",
        "start.last_change": "zuletzt bearbeitet am {when}",
        "start.binder_warning": (
            "<strong>Achtung, ihr arbeitet auf Binder.</strong> Binder löscht diese Sitzung, "
            "sobald ihr das Fenster schließt oder ein paar Minuten nichts tut – und mit ihr eure "
            "Arbeitsmappe. Ladet die Arbeitsmappe herunter, bevor ihr geht, und ladet sie beim "
            "nächsten Mal wieder hoch."
        ),
        # transfer
        "transfer.export_button": "Arbeitsmappe herunterladen",
        "transfer.export_ready": "Die Datei ist fertig:",
        "transfer.import_button": "Arbeitsmappe hochladen",
        "transfer.import_help": (
            "Eine hochgeladene Arbeitsmappe <strong>ersetzt</strong> die aktuelle. Vorher legen wir "
            "automatisch eine Sicherung der aktuellen Arbeitsmappe an."
        ),
        "transfer.import_summary": (
            "Die Datei „{filename}“ enthält: {summary}. Sie ersetzt eure aktuelle Arbeitsmappe "
            "(die aktuelle wird vorher unter {backup_dir} gesichert)."
        ),
        "transfer.import_confirm": "Ja, Arbeitsmappe ersetzen",
        "transfer.import_done": "Die Arbeitsmappe „{filename}“ ist geladen. Eine Sicherung des vorherigen Stands liegt unter {backup}.",
        "transfer.import_cancelled": "Nichts geändert.",
        "transfer.summary_empty": "keine Einträge",
        # team tool
        "team.heading": "Euer Regional-Team",
        "team.team_name": "Teamname",
        "team.team_name_placeholder": "z. B. Mitmach-Team Oberes Kinzigtal",
        "team.add": "Person hinzufügen",
        "team.name_placeholder": "Vor- und Nachname",
        "team.role_placeholder": "z. B. Moderation, Organisation, Netzwerk",
        "team.organisation_placeholder": "z. B. Gemeinderat, Bioladen, Jugendtreff",
        "team.email_placeholder": "optional",
        "team.main_contact": "Haupt-Ansprechperson",
        "team.main_contact_badge": "Haupt-Ansprechperson",
        "team.make_main_contact": "Zur Haupt-Ansprechperson machen",
        "team.confirm_delete": "„{name}“ wirklich aus dem Team entfernen?",
        "team.empty": "Noch niemand eingetragen. Fangt mit euch selbst an!",
        "team.too_few": (
            "Ein Regional-Team braucht mindestens drei Menschen – bisher {count}. "
            "Ihr könnt trotzdem schon weiterarbeiten; sucht euch bald Verstärkung."
        ),
        "team.enough": "{count} Menschen im Team – gut so!",
        "team.no_main_contact": "Legt noch eine Haupt-Ansprechperson für das Begleitteam fest.",
        "team.added": "{name} ist jetzt im Team.",
        "team.removed": "{name} wurde aus dem Team entfernt.",
        # region tool
        "region.country": "Land",
        "region.area_type": "Art der Region",
        "region.name": "Name eurer Region",
        "region.name_placeholder": "z. B. Oberes Kinzigtal",
        "region.search": "Gebiet suchen",
        "region.search_placeholder": "Gemeinde, Landkreis oder Bezirk …",
        "region.search_button": "Suchen",
        "region.search_no_match": "Zu „{query}“ haben wir in {country} nichts gefunden. Prüfe die Schreibweise oder versuche einen Teil des Namens.",
        "region.search_too_short": "Bitte gib mindestens zwei Buchstaben ein.",
        "region.search_results": "{count} Treffer – klicke auf „Hinzufügen“:",
        "region.search_more": "Es gibt mehr als {count} Treffer; gib mehr vom Namen ein, um genauer zu suchen.",
        "region.add_area": "Hinzufügen",
        "region.remove_area": "Entfernen",
        "region.selected": "Eure Region besteht aus:",
        "region.nothing_selected": "Noch kein Gebiet ausgewählt.",
        "region.already_in_district": "„{name}“ liegt in {district}, das schon zu eurer Region gehört – wir zählen es nicht doppelt.",
        "region.figures": "Eckdaten eurer Region",
        "region.figures_none": "Wählt Gebiete aus oder tragt eigene Zahlen ein, dann erscheinen hier die Eckdaten.",
        "region.population": "Einwohner:innen",
        "region.area": "Fläche",
        "region.density": "Einwohner:innen je km²",
        "region.population_missing": "Für {names} enthalten unsere Daten keine Einwohnerzahl – tragt sie unten selbst ein.",
        "region.own_figures": "Eigene Zahlen",
        "region.own_figures_help": (
            "Für einen Stadtteil, ein Quartier oder wenn ihr neuere Zahlen kennt: tragt sie hier mit Jahr "
            "und Quelle ein. Eigene Zahlen ersetzen die aus den Referenzdaten."
        ),
        "region.own_figures_save": "Eigene Zahlen speichern",
        "region.own_figures_clear": "Eigene Zahlen löschen",
        "region.own_figures_source_needed": "Bitte nennt die Quelle eurer Zahlen (z. B. „Einwohnermeldeamt, Auskunft 2025“).",
        "region.own_figures_nothing": "Bitte gib mindestens Einwohner:innen oder Fläche an.",
        "region.weggemeinschaft": "Weggemeinschaft",
        "region.weggemeinschaft_help": (
            "In der Weggemeinschaft trefft ihr nach dem Kurs die Teams eurer Gegend. "
            "Wählt die, zu der ihr gehören wollt."
        ),
        "region.why": "Warum diese Region?",
        "region.why_placeholder": "Was verbindet die Menschen hier? Warum zieht ihr die Grenze genau so?",
        "region.map_attribution": "Grenzen: {attribution}",
        "region.own_source": "eigene Angabe: {source}",
    },
}

COUNTRIES: dict[str, str] = {
    "DE": "Deutschland",
    "AT": "Österreich",
    "CH": "Schweiz",
    "BZ": "Südtirol",
}

AREA_TYPES: dict[str, str] = {
    "gemeinde": "eine Gemeinde",
    "gemeinden": "mehrere Gemeinden",
    "kreis": "ein Landkreis oder Bezirk",
    "stadtteil": "ein Stadtteil oder Quartier",
    "gross": "ein größeres Gebiet",
}

WEGGEMEINSCHAFTEN: tuple[str, ...] = ("Deutschland", "Österreich", "Bodensee")


def current_language() -> str:
    return os.environ.get("REGIONALLABOR_LANG", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The message for ``key`` in the current language, with ``values`` filled in."""
    table = MESSAGES.get(current_language(), {})
    template = table.get(key) or MESSAGES[DEFAULT_LANGUAGE][key]
    return template.format(**values) if values else template
