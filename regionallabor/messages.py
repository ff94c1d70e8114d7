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
        "list.more": "Weitere {count} anzeigen",
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
        "field.value": "Wert",
        "field.unit": "Einheit",
        "field.rating": "Einschätzung",
        "field.notes": "Was ihr seht",
        "field.handlungsfeld": "Handlungsfeld",
        "field.description": "Kurzbeschreibung",
        "field.contact": "Kontakt",
        "field.link": "Link",
        "field.text": "Text",
        "field.quadrant": "Feld der SWOT",
        "invalid.empty": "{field}: Bitte gib etwas ein – das Feld darf nicht leer sein.",
        "invalid.too_long": "{field}: Das ist zu lang (höchstens {max} Zeichen).",
        "invalid.email": "{field}: „{value}“ sieht nicht wie eine E-Mail-Adresse aus.",
        "invalid.number": "{field}: Bitte gib eine Zahl ein.",
        "invalid.not_negative": "{field}: Die Zahl darf nicht negativ sein.",
        "invalid.positive": "{field}: Die Zahl muss größer als 0 sein.",
        "invalid.range": "{field}: Bitte gib einen Wert zwischen {min} und {max} an.",
        "invalid.url": "{field}: „{value}“ sieht nicht wie eine Web-Adresse aus (z. B. www.repaircafe-musterdorf.de).",
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
        "transfer.pseudonymise": "Namen von Privatpersonen ersetzen – nur zum Weitergeben, nicht als eure Sicherung",
        "transfer.pseudonymised_file": "Achtung: In dieser Datei sind die Namen von Privatpersonen ersetzt (pseudonymisiert).",
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
        # Modul 2 – Kennzahlen
        "figures.no_region": (
            "Ihr habt in Modul 1 noch keine Gebiete für eure Region gewählt. Sobald ihr das tut, erscheinen "
            "hier ihre Kennzahlen. Eigene Kennzahlen könnt ihr unten schon jetzt eintragen."
        ),
        "figures.density": "Einwohner:innen je km²",
        "figures.change": "Bevölkerungsentwicklung {period}",
        "figures.share_65plus": "Anteil 65 Jahre und älter",
        "figures.share_young": "Anteil unter {young}",
        "figures.trend_heading": "Wie sich die Einwohnerzahl entwickelt",
        "figures.trend_context": "Eure Gemeinden liegen im Gebiet von {districts}. Die Linie zeigt {which}, denn für einzelne Gemeinden enthalten unsere Daten keine Zeitreihe.",
        "figures.age_heading": "Altersaufbau",
        "figures.age_context": "Für einzelne Gemeinden enthalten unsere Daten keinen Altersaufbau; er gilt für {districts}.",
        "figures.no_trend": "Für {country} enthalten unsere Daten keine Zeitreihe der Einwohnerzahl. Tragt Zahlen aus eurer Gemeinde unten als eigene Kennzahlen ein.",
        "figures.no_age": "Für {country} enthalten unsere Daten keinen Altersaufbau. Das Statistikamt oder eure Gemeinde hat ihn – tragt ihn unten als eigene Kennzahlen ein (z. B. „Anteil 65 Jahre und älter“ in %).",
        "figures.comparison_heading": "Im Vergleich",
        "figures.mixed_countries": "Eure Region liegt in mehreren Ländern. Mit den Kreisen und Bezirken eines einzelnen Landes lässt sie sich deshalb nicht vergleichen; Einwohnerzahl und Dichte oben gelten für die ganze Region.",
        "figures.own_empty": "Noch keine eigenen Kennzahlen.",
        "figures.own_add": "Kennzahl hinzufügen",
        "figures.own_added": "„{name}“ ({year}) ist gespeichert.",
        "figures.own_updated": "„{name}“ ({year}) ist aktualisiert.",
        "figures.own_removed": "„{name}“ ({year}) wurde entfernt.",
        "figures.csv_upload": "CSV-Datei hochladen",
        "figures.csv_help": (
            "Viele Zahlen auf einmal? Ladet eine CSV-Datei hoch (höchstens 200 KB, 500 Zeilen), "
            "z. B. aus einer Tabellenkalkulation mit „Speichern unter → CSV“. Die erste Zeile nennt die Spalten "
            "<code>kennzahl</code>, <code>wert</code>, <code>einheit</code>, <code>jahr</code>, <code>quelle</code>; "
            "getrennt durch Semikolon oder Komma, Dezimalzahlen mit Komma oder Punkt. Eine Zeile mit einer Kennzahl "
            "und einem Jahr, die es schon gibt, ersetzt den alten Wert."
        ),
        "figures.csv_done": "{count} Kennzahlen aus „{filename}“ übernommen ({new} neu, {updated} aktualisiert).",
        "figures.csv_refused": "Die Datei „{filename}“ wurde nicht übernommen – es hat sich nichts geändert. {reason}",
        "csv.too_big": "Die Datei ist zu groß ({size} KB, höchstens {limit} KB).",
        "csv.not_text": "Die Datei lässt sich nicht als Text lesen. Speichert sie als „CSV UTF-8“.",
        "csv.empty": "Die Datei ist leer.",
        "csv.too_many_rows": "Die Datei hat {count} Zeilen, höchstens {limit} sind erlaubt.",
        "csv.missing_columns": "In der ersten Zeile fehlen die Spalten {columns}.",
        "csv.unknown_columns": "Unbekannte Spalten in der ersten Zeile: {columns}.",
        "csv.line": "Zeile {line}: {reason}",
        "csv.wrong_cell_count": "Zeile {line}: {found} Werte statt {expected}.",
        "csv.duplicate": "Zeile {line}: „{name}“ für {year} steht schon in Zeile {first}.",
        # Modul 2 – Handlungsfelder-Check
        "rating.round_1": "Erste Einschätzung",
        "rating.round_2": "Zweite Einschätzung",
        "rating.scale": "1 = hier passiert kaum etwas · 3 = es gibt Ansätze · 5 = hier ist die Region richtig stark",
        "rating.notes_placeholder": "Was seht ihr in diesem Feld? Was läuft, was fehlt?",
        "rating.rated_on": "eingeschätzt am {date}",
        "rating.progress": "{done} von {total} Feldern eingeschätzt.",
        "rating.chart_empty": "Sobald ihr das erste Feld einschätzt, erscheint hier euer Profil.",
        "rating.round_2_help": (
            "Die zweite Einschätzung macht ihr später – etwa nach der Mitmach-Konferenz oder nach einem Jahr. "
            "Das Netzdiagramm zeigt dann beide, und ihr seht, was sich bewegt hat."
        ),
        # Modul 2 – Schätze
        "schatz.add": "Schatz hinzufügen",
        "schatz.name_placeholder": "z. B. Repair-Café im Gemeindehaus",
        "schatz.description_placeholder": "Was ist das, und was macht es besonders?",
        "schatz.contact_placeholder": "z. B. Maria Huber, Tel. 07652 1234",
        "schatz.link_placeholder": "z. B. www.repaircafe-musterdorf.de",
        "schatz.empty": "Noch keine Schätze eingetragen. Was läuft bei euch schon gut?",
        "schatz.added": "„{name}“ ist jetzt bei euren Schätzen.",
        "schatz.saved": "„{name}“ ist gespeichert.",
        "schatz.removed": "„{name}“ wurde entfernt.",
        "schatz.duplicate": "„{name}“ gibt es im Handlungsfeld {field} schon. Gebt dem neuen Eintrag einen anderen Namen oder bearbeitet den vorhandenen.",
        "schatz.filter_all": "alle Handlungsfelder",
        "schatz.search_placeholder": "In euren Schätzen suchen …",
        "schatz.count": "{shown} von {total} Schätzen",
        "schatz.no_match": "Keine Schätze passen zu eurer Auswahl.",
        "schatz.confirm_delete": "„{name}“ wirklich entfernen?",
        "schatz.editing": "„{name}“ bearbeiten",
        "schatz.fields_without": "Noch ohne Schatz: {fields}.",
        # Modul 2 – Herausforderungen und SWOT
        "challenge.add": "Herausforderung hinzufügen",
        "challenge.placeholder": "z. B. Der letzte Bus fährt um 18 Uhr – abends kommt niemand ohne Auto heim.",
        "challenge.empty": "Noch keine Herausforderungen.",
        "challenge.added": "Herausforderung gespeichert.",
        "challenge.removed": "Herausforderung entfernt.",
        "swot.add": "Hinzufügen",
        "swot.placeholder": "Neuer Punkt …",
        "swot.empty": "Noch leer.",
        "swot.up": "nach oben",
        "swot.down": "nach unten",
        "swot.move_to": "verschieben nach …",
        "swot.removed": "„{text}“ entfernt.",
        "swot.staerken.help": "Was heute in eurer Region gut ist und worauf ihr bauen könnt.",
        "swot.schwaechen.help": "Was heute fehlt oder nicht gut läuft.",
        "swot.chancen.help": "Was in Zukunft kommen kann und euch helfen würde – Entwicklungen, Förderungen, neue Leute.",
        "swot.risiken.help": "Was in Zukunft kommen kann und euch schaden würde.",
        # Modul 3 – fields
        "field.actor_type": "Art",
        "field.sector": "Sektor",
        "field.handlungsfelder": "Handlungsfelder",
        "field.influence": "Einfluss",
        "field.engagement": "Engagement",
        "field.place": "Ort",
        "field.actor_notes": "Notizen",
        "field.team_relation": "Beziehung zu euch",
        "field.source_actor": "Von",
        "field.target_actor": "Zu",
        "field.relation_kind": "Art der Beziehung",
        "field.strength": "Stärke",
        "field.note": "Notiz",
        "field.actor": "Akteur:in",
        "field.held_on": "Datum",
        "field.team_people": "Wer von euch war dabei?",
        "field.learned": "Was ihr erfahren habt",
        "field.next_step": "Nächster Schritt",
        "field.due": "Bis wann?",
        "invalid.date": "{field}: Bitte gib ein Datum an (z. B. 23.11.2026).",
        "invalid.self_relation": "Eine Beziehung braucht zwei verschiedene Akteur:innen.",
        # Modul 3 – Akteur:innen
        "actor.add": "Akteur:in hinzufügen",
        "actor.editing": "„{name}“ bearbeiten",
        "actor.added": "„{name}“ ist jetzt auf eurer Akteurslandkarte.",
        "actor.saved": "„{name}“ ist gespeichert.",
        "actor.removed": "„{name}“ und ihre Beziehungen wurden entfernt.",
        "actor.duplicate": "„{name}“ steht schon auf eurer Landkarte. Bearbeitet den vorhandenen Eintrag oder unterscheidet die Namen (z. B. „Maria Huber (Bauhof)“).",
        "actor.duplicate_schatz": "„{name}“ steht schon als Schatz der Region auf eurer Landkarte – ihr müsst ihn nicht noch einmal eintragen.",
        "actor.schatz_stays": "„{name}“ ist ein Schatz der Region und bleibt auf der Landkarte, solange er in Modul 2 steht.",
        "actor.schatz_name_help": "Diesen Namen ändert ihr bei den Schätzen der Region (Modul 2).",
        "actor.name_placeholder": "z. B. Bürgerenergie Musterdorf eG oder Maria Huber",
        "actor.sector_help": "Wählt einen Sektor oder schreibt einen eigenen, z. B. „Landwirtschaftliche Betriebe“.",
        "actor.place_placeholder": "z. B. Musterdorf",
        "actor.notes_placeholder": "Was ist wichtig? Was brauchen sie, was bringen sie mit?",
        "actor.private": "Privatperson – Name wird beim Weitergeben ersetzt",
        "actor.private_help": "Menschen, die nicht öffentlich auftreten (anders als z. B. eine Bürgermeisterin).",
        "actor.scale": "1 = kaum · 3 = mittel · 5 = sehr groß",
        "actor.empty": "Noch niemand auf der Landkarte. Wen kennt ihr, wer bewegt etwas in eurer Region?",
        "actor.count": "{shown} von {total} Akteur:innen",
        "actor.no_match": "Niemand passt zu eurer Auswahl.",
        "actor.search_placeholder": "Namen, Orte, Notizen durchsuchen …",
        "actor.filter_sector_all": "alle Sektoren",
        "actor.filter_field_all": "alle Handlungsfelder",
        "actor.confirm_delete": "„{name}“ mit allen Beziehungen und Gesprächsnotizen entfernen?",
        "actor.from_schatz": "Schatz der Region",
        "actor.private_chip": "Privatperson",
        "actor.influence_short": "Einfluss {value}",
        "actor.engagement_short": "Engagement {value}",
        # Modul 3 – Beziehungen
        "relation.add": "Beziehung hinzufügen",
        "relation.added": "Beziehung „{a} – {b}“ gespeichert.",
        "relation.removed": "Beziehung „{a} – {b}“ entfernt.",
        "relation.duplicate": "„{a}“ und „{b}“ sind schon als „{kind}“ verbunden. Ändert die vorhandene Beziehung in der Liste.",
        "relation.actor_gone": "Diese Akteur:in gibt es nicht mehr – vielleicht wurde sie gerade in einem anderen Fenster entfernt.",
        "relation.need_two": "Tragt zuerst mindestens zwei Akteur:innen ein – dann könnt ihr sie hier verbinden.",
        "relation.pick": "Akteur:in wählen …",
        "relation.pick_both": "Wählt beide Akteur:innen aus der Liste – tippt die ersten Buchstaben des Namens.",
        "relation.pick_one": "Wählt die Akteur:in aus der Liste – tippt die ersten Buchstaben des Namens.",
        "relation.empty": "Noch keine Beziehungen. Wer arbeitet mit wem zusammen, wer kennt wen?",
        "relation.count": "{shown} von {total} Beziehungen",
        "relation.strength_labels": "1 = locker · 2 = regelmäßig · 3 = eng",
        "relation.note_placeholder": "z. B. gemeinsamer Dorfladen seit 2019",
        "relation.filter_placeholder": "Beziehungen einer Akteur:in suchen …",
        # Modul 3 – Netzwerkkarte
        "map.empty": "Sobald ihr Akteur:innen eintragt, erscheint hier eure Netzwerkkarte.",
        "map.filter_field": "Handlungsfeld",
        "map.filter_sector": "Sektor",
        "map.all_fields": "alle Handlungsfelder",
        "map.all_sectors": "alle Sektoren",
        "map.shown": "{actors} Akteur:innen und {relations} Beziehungen sichtbar.",
        "map.none_match": "Niemand passt zu diesem Filter.",
        "map.help": "Ziehen verschiebt die Karte, Mausrad oder +/− zoomt. Klickt auf einen Punkt, um die Akteur:in zu sehen und zu bearbeiten.",
        "map.select": "Akteur:in ansehen …",
        "map.legend_size": "Größe = Einfluss",
        "map.no_selection": "Klickt auf einen Punkt in der Karte oder wählt oben eine Akteur:in.",
        # Modul 3 – Was das Netz zeigt
        "insights.empty": "Tragt Akteur:innen und Beziehungen ein – dann zeigt euch diese Auswertung, wo euer Netz trägt und wo es Lücken hat.",
        # Modul 3 – Gesprächsnotizen
        "talk.add": "Gespräch notieren",
        "talk.added": "Gespräch mit „{name}“ notiert.",
        "talk.removed": "Gesprächsnotiz entfernt.",
        "talk.learned_placeholder": "Was ist ihr wichtig? Was hat sie schon versucht? Wen sollten wir noch fragen?",
        "talk.next_step_placeholder": "z. B. Einladung zur Mitmach-Konferenz schicken",
        "talk.team_people_placeholder": "z. B. Anna und Jonas",
        "talk.empty": "Noch keine Gespräche notiert.",
        "talk.need_actor": "Tragt zuerst die Akteur:in ein, mit der ihr gesprochen habt.",
        "talk.open_steps": "Offene nächste Schritte",
        "talk.no_open_steps": "Keine offenen Schritte – gut gemacht!",
        "talk.done": "erledigt",
        "talk.overdue": "überfällig",
        "talk.due_on": "bis {date}",
        "talk.all": "Alle Gespräche",
        "talk.step_done": "„{step}“ ist erledigt.",
        # Modul 3 – CSV
        "network_csv.pseudonymise": "Namen von Privatpersonen ersetzen (zum Weitergeben)",
        "network_csv.export": "CSV-Dateien erstellen",
        "network_csv.import": "CSV-Dateien hochladen",
        "network_csv.one_each": "Ladet höchstens eine Akteursdatei und eine Beziehungsdatei zugleich hoch.",
        "network_csv.export_help": (
            "Zwei Dateien für eure Tabellenkalkulation: <code>akteure.csv</code> und <code>beziehungen.csv</code> "
            "(Semikolon, UTF-8 – Excel und LibreOffice öffnen sie direkt). Zum Weitergeben ersetzen wir die Namen von "
            "Privatpersonen durch „Privatperson 1“, „Privatperson 2“ … und lassen Ort und Notizen weg; für eure eigene "
            "Tabelle nehmt den Haken heraus."
        ),
        "network_csv.import_help": (
            "Ladet eine oder beide Dateien hoch (gleichzeitig auswählen). <code>akteure.csv</code>: Spalten "
            "<code>name</code> und <code>sektor</code>, dazu nach Bedarf <code>art</code> (Person, Organisation, "
            "Initiative), <code>handlungsfelder</code> (durch Komma getrennt, z. B. „Energie, Mobilität“), "
            "<code>einfluss</code> und <code>engagement</code> (1–5), <code>ort</code>, <code>privatperson</code> "
            "(ja/nein), <code>beziehung_zu_uns</code> (eng, kontakt, bekannt, keiner), <code>notizen</code>. "
            "<code>beziehungen.csv</code>: <code>von</code>, <code>nach</code> (Namen wie auf der Landkarte), "
            "<code>art</code> (kooperiert, kennt sich, fördert, Konflikt), <code>staerke</code> (1–3), <code>notiz</code>. "
            "Wer schon auf der Landkarte steht, wird aktualisiert. Ist eine Zeile fehlerhaft, übernehmen wir nichts "
            "und nennen euch die Zeile."
        ),
        "network_csv.pseudonym": "Privatperson {number}",
        "network_csv.refused_line": "{filename}, Zeile {line}: {reason}",
        "network_csv.pseudonymised": (
            "„{filename}“ ist eine pseudonymisierte Datei zum Weitergeben: Namen von Privatpersonen sind darin ersetzt. "
            "Eingelesen würde sie eure echten Namen überschreiben – exportiert für eure Tabellenkalkulation ohne Pseudonymisierung."
        ),
        "network_csv.bad_type": "Die Art „{value}“ kenne ich nicht – möglich sind {allowed}.",
        "network_csv.bad_field": "Das Handlungsfeld „{value}“ kenne ich nicht.",
        "network_csv.bad_team_relation": "„{value}“ passt nicht in die Spalte beziehung_zu_uns – möglich sind eng, kontakt, bekannt, keiner.",
        "network_csv.bad_yes_no": "In der Spalte privatperson bitte „ja“ oder „nein“ statt „{value}“.",
        "network_csv.name_twice": "„{name}“ steht schon in Zeile {first}.",
        "network_csv.unknown_actor": "„{name}“ steht weder in der Akteursdatei noch auf eurer Landkarte.",
        "network_csv.bad_kind": "Die Art „{value}“ kenne ich nicht – möglich sind {allowed}.",
        "network_csv.relation_twice": "Diese Beziehung steht schon in Zeile {first}.",
        "network_csv.done": "Übernommen: {actors_added} Akteur:innen neu, {actors_updated} aktualisiert; {relations_added} Beziehungen neu, {relations_updated} aktualisiert.",
        "network_csv.refused": "Nichts übernommen – eure Landkarte ist unverändert. {reason}",
        # Modul 4/5: fields
        "field.points": "Punkte",
        "field.title": "Titel",
        "field.owner": "Wer kümmert sich?",
        "field.first_step": "Erster Schritt",
        "field.first_step_due": "Erster Schritt bis",
        "field.horizon_year": "Zieljahr",
        "field.input": "Input",
        "field.output": "Output",
        "field.outcome": "Outcome",
        "field.impact": "Impact",
        "field.noticed_by": "Woran merkt ihr es?",
        "field.format": "Format",
        "field.starts_on": "Datum",
        "field.days": "Tage",
        "field.venue": "Ort",
        "field.expected_people": "Erwartete Teilnehmer:innen",
        "field.people": "Plätze am Tisch",
        "field.day": "Tag",
        "field.start": "Beginn",
        "field.end": "Ende",
        "field.responsible": "Verantwortlich",
        "field.host": "Gastgeber:in",
        "field.status": "Status",
        "field.planned": "Geplant (€)",
        "field.actual": "Tatsächlich (€)",
        "invalid.time": "{field}: Bitte gib eine Uhrzeit an (z. B. 09:30).",
        "invalid.choose_one": "{field}: Bitte wähle mindestens eines aus.",
        "invalid.end_before_start": "Das Ende muss nach dem Beginn liegen.",
        # Modul 4 domain
        "goal.duplicate": "Ein Ziel „{title}“ habt ihr schon – gebt dem neuen einen anderen Titel.",
        "vision.opening": "{year} ist unsere Region …",
        "vision.board_title": "Unser Zukunftsbild {year}",
        "vision.board_empty_overall": "Euer gemeinsames Zukunftsbild fehlt noch.",
        "vision.board_goals": "Unsere Ziele",
        # Modul 5 domain: Wirkungslogik
        "logic.missing.input": "Input fehlt: Was steckt ihr hinein – Menschen, Zeit, Geld, Räume, Material?",
        "logic.missing.output": "Output fehlt: Was bietet ihr an, und wen erreicht ihr damit?",
        "logic.missing.outcome": "Outcome fehlt: Was ändert sich bei euren Zielgruppen – im Wissen, im Handeln, in ihrer Lage?",
        "logic.missing.impact": "Impact fehlt: Was ändert sich dadurch in der Region, über eure Zielgruppen hinaus?",
        "logic.activity": "{level}: „{word}“ klingt nach einer Aktivität. Aktivitäten gehören zum Output – beschreibt hier, was sich verändert, wenn sie stattgefunden haben.",
        "logic.uptake": "{level}: „{word}“ beschreibt, ob euer Angebot ankommt (Stufe 3 der Wirkungstreppe) – das ist noch Output. Eine Wirkung beginnt, wenn sich Wissen, Handeln oder Lebenslage ändern.",
        "logic.no_indicator": "Es fehlt ein Indikator: Ohne ihn wisst ihr nicht, ob ihr euer Ziel erreicht.",
        "logic.only_output_indicators": "Eure Indikatoren messen nur den Output. Nehmt mindestens einen für Outcome oder Impact dazu.",
        "logic.not_noticed": "Schreibt noch dazu, woran ihr die Veränderung merkt: {names}.",
        "logic.complete": "Die Kette ist vollständig, und ihr habt Indikatoren für die Wirkung. Prüft jetzt vorwärts: Führt jeder Schritt plausibel zum nächsten?",
        "logic.goal_gone": "Dieses Ziel gibt es nicht mehr – jemand hat es gerade in Modul 4 entfernt.",
        # Modul 5 domain: conference
        "conference.default_title": "Unsere Mitmach-Konferenz",
        "conference.part.programme": "Programm",
        "conference.part.tasks": "Aufgaben",
        "conference.part.budget": "Budget",
        "agenda.day": "Tag {day}",
        "agenda.beyond_days": "„{title}“ liegt an Tag {day}, eure Konferenz hat aber nur {days} Tag(e).",
        "agenda.overlap": "„{first}“ und „{second}“ überschneiden sich ({span}).",
        "agenda.gap": "{minutes} Minuten Lücke zwischen „{first}“ und „{second}“ – fehlt eine Pause?",
        "agenda.no_break": "Von {since} bis {until} ohne Pause – nach spätestens zwei Stunden brauchen alle eine.",
        "tables.no_host": "„{title}“ hat noch keine Gastgeber:in.",
        "tables.too_big": "An „{title}“ sollen {people} Menschen sitzen – ab {most} kommen nicht mehr alle zu Wort. Teilt den Tisch.",
        "tables.too_few_seats": "An den Thementischen sind {seats} Plätze, erwartet werden {expected} Menschen – plant noch einen Tisch ein.",
        "invite.unknown_actor": "„{name}“ steht nicht auf eurer Akteurslandkarte. Tragt sie oder ihn zuerst in Modul 3 ein.",
        "diversity.no_sector": "Ihr ladet bisher niemanden aus dem Sektor {sector} ein.",
        "diversity.no_field": "Für das Handlungsfeld {field} ist noch niemand eingeladen.",
        "diversity.dominant": "{count} von {total} Gästen kommen aus dem Sektor {sector} – mischt die Runde breiter.",
        "tasks.on_the_day": "am Konferenztag",
        "tasks.week": "{count} Woche",
        "tasks.weeks": "{count} Wochen",
        "tasks.day": "{count} Tag",
        "tasks.days": "{count} Tage",
        "tasks.before": "{span} vorher",
        "tasks.after": "{span} danach",
        # exports
        "export.our_team": "unser Regional-Team",
        "export.by_team": "Regional-Team: {team}",
        "export.stand": "Stand: {date} · erstellt mit dem Regionallabor der Mitmach-Regionen Initiative",
        "export.no_programme": "Noch kein Programm.",
        "export.no_tasks": "Noch keine Aufgaben.",
        "export.tasks_title": "Aufgaben: {title}",
        "export.col.time": "Zeit",
        "export.col.item": "Programmpunkt",
        "export.col.format": "Format",
        "export.col.place": "Ort",
        "export.col.responsible": "Verantwortlich",
        "export.col.due": "Fällig",
        "export.col.task": "Aufgabe",
        "export.col.done": "Erledigt",
        "export.col.goal": "Ziel",
        "export.col.fields": "Handlungsfelder",
        "export.col.first_step": "Erster Schritt",
        "export.col.owner": "Wer kümmert sich?",
        "export.done": "erledigt",
        "export.calendar_needs_date": "Für den Kalendereintrag braucht eure Konferenz zuerst ein Datum.",
        # Modul 4 tools
        "workshop.removed": "„{text}“ entfernt.",
        "critique.heading": "Kritikphase: Was stört euch?",
        "critique.placeholder": "z. B. Sonntags fährt kein Bus in die Kreisstadt",
        "critique.add_label": "Was stört euch in diesem Handlungsfeld?",
        "critique.add": "Kritikpunkt hinzufügen",
        "critique.added": "Notiert. Was stört euch noch?",
        "critique.empty_field": "Noch nichts notiert.",
        "critique.points": "{count} Punkte",
        "critique.plus": "Einen Punkt dazugeben",
        "critique.minus": "Einen Punkt zurücknehmen",
        "critique.heaviest": "Das wiegt für euch am schwersten:",
        "idea.heading": "Fantasiephase: Was wäre, wenn alles möglich wäre?",
        "idea.prompt": "Fangt bei dem an, was euch am meisten stört – und dreht es um. Wäre es nicht schön, wenn …",
        "idea.prompt_item": "… statt „{text}“?",
        "idea.placeholder": "Wäre es nicht schön, wenn … (z. B. jedes Dach Strom für das Dorf erzeugt)",
        "idea.add_label": "Eure Idee",
        "idea.field_label": "Handlungsfeld (wenn eines passt)",
        "idea.no_field": "– passt überall –",
        "idea.add": "Idee hinzufügen",
        "idea.added": "Notiert! Weiter so – in dieser Phase zählt jede Idee.",
        "idea.empty": "Noch keine Ideen. Hier gibt es kein „Das geht doch nicht“.",
        "idea.count": "{count} Ideen, davon {favourites} Lieblingsideen (★).",
        "idea.star": "Zur Lieblingsidee machen",
        "idea.unstar": "Keine Lieblingsidee mehr",
        "goal.heading": "Verwirklichungsphase: Aus Ideen werden Ziele",
        "goal.list_heading": "Eure Ziele",
        "goal.favourites_intro": "Diese Lieblingsideen sind noch kein Ziel. Wählt die aus, die ihr wirklich angehen wollt:",
        "goal.no_favourites": "Markiert in der Fantasiephase eure Lieblingsideen mit ★ – hier macht ihr Ziele daraus. Ihr könnt ein Ziel auch direkt eintragen.",
        "goal.all_favourites_taken": "Aus allen Lieblingsideen sind Ziele geworden.",
        "goal.from_idea": "Daraus ein Ziel machen",
        "goal.from_idea_heading": "Neues Ziel aus eurer Lieblingsidee – formuliert es konkret",
        "goal.add": "Ziel hinzufügen",
        "goal.editing": "„{title}“ bearbeiten",
        "goal.title_placeholder": "z. B. Ein Dorfauto, das sich zehn Familien teilen",
        "goal.description_label": "Woran merkt ihr, dass ihr das Ziel erreicht habt?",
        "goal.description_placeholder": "z. B. Bis Ende 2027 nutzen zehn Familien das Dorfauto regelmäßig.",
        "goal.owner_placeholder": "Name aus eurem Team",
        "goal.first_step_placeholder": "z. B. Gespräch mit dem Bürgermeister",
        "goal.due_label": "Erster Schritt bis",
        "goal.saved": "Ziel „{title}“ gespeichert.",
        "goal.removed": "Ziel „{title}“ entfernt.",
        "goal.confirm_delete": "„{title}“ und seine Wirkungslogik wirklich entfernen?",
        "goal.empty": "Noch keine Ziele.",
        "goal.owner_line": "kümmert sich: {owner}",
        "goal.no_owner": "noch niemand zuständig",
        "goal.no_first_step": "erster Schritt offen",
        "goal.until": "bis {date}",
        "vision.heading": "Euer Zukunftsbild",
        "vision.horizon_help": "Für welches Jahr beschreibt ihr eure Region? Zehn Jahre sind ein guter Abstand.",
        "vision.overall_label": "Euer gemeinsames Zukunftsbild",
        "vision.overall_help": "Drei bis fünf Sätze, in der Gegenwart geschrieben, als wäre es schon so.",
        "vision.board_heading": "Eure Vision auf einen Blick",
        "vision.files": "Zukunftsbild zum Ausdrucken (HTML und PDF)",
        # Modul 5 tools
        "form.editing": "Eintrag bearbeiten",
        "form.removed": "„{text}“ entfernt.",
        "logic.heading": "Wirkungslogik eurer Ziele",
        "logic.goal_label": "Für welches Ziel?",
        "logic.no_goals": "Hier stellt ihr für jedes Ziel aus Modul 4 eine Wirkungslogik auf. Legt dort zuerst mindestens ein Ziel an.",
        "logic.steps": "Stufe {steps} der Wirkungstreppe",
        "logic.stairs.input": "Was steckt ihr hinein? Menschen, Zeit, Geld, Räume, Material.",
        "logic.stairs.output": "Was bietet ihr an, findet es statt, erreicht es die Zielgruppe, nimmt sie es an?",
        "logic.stairs.outcome": "Was ändert sich bei den Menschen, die ihr erreicht: Wissen und Haltung, Handeln, Lebenslage?",
        "logic.stairs.impact": "Was ändert sich dadurch in der Region – auch bei denen, die nie dabei waren?",
        "logic.placeholder.input": "z. B. vier Ehrenamtliche, je 4 Stunden im Monat, 800 € von der Gemeinde",
        "logic.placeholder.output": "z. B. monatliches Repair-Café im Pfarrheim, 25 Gäste pro Termin",
        "logic.placeholder.outcome": "z. B. Gäste reparieren kleine Geräte selbst und bringen Nachbar:innen mit",
        "logic.placeholder.impact": "z. B. weniger Elektroschrott, und die Ortsmitte hat einen neuen Treffpunkt",
        "logic.outcome_step_open": "Welche Stufe erreicht ihr? (offen)",
        "logic.indicators": "Indikatoren",
        "logic.indicators_help": "Ein Indikator zeigt, ob sich etwas verändert. Schreibt zu jedem, woran ihr es merkt – eine Zählung, eine Frage, eine Beobachtung.",
        "logic.indicator_label": "Indikator",
        "logic.indicator_placeholder": "z. B. Anteil der selbst reparierten Geräte",
        "logic.noticed_placeholder": "z. B. Strichliste am Ausgang, einmal im Quartal auswerten",
        "logic.level_label": "misst",
        "logic.add_indicator": "Indikator hinzufügen",
        "logic.indicator_added": "Indikator „{text}“ hinzugefügt.",
        "logic.indicator_empty": "Indikator: Bitte gib etwas ein – das Feld darf nicht leer sein.",
        "logic.no_indicators": "Noch kein Indikator.",
        "logic.noticed_line": "Woran ihr es merkt: {text}",
        "logic.noticed_missing": "Woran ihr es merkt, fehlt noch.",
        "logic.check": "Prüfung eurer Wirkungslogik",
        "logic.overview": "Alle Ziele im Überblick",
        "logic.state": "Stand",
        "logic.state.gaps": "{count} Lücke(n)",
        "logic.state.hints": "vollständig, {count} Hinweis(e)",
        "logic.state.complete": "vollständig",
        "conference.heading": "Eure Konferenz: die Eckdaten",
        "conference.title_label": "Titel",
        "conference.title_placeholder": "z. B. Auenfeld macht mit – unsere Mitmach-Konferenz",
        "conference.venue_placeholder": "z. B. Bürgerhaus Auenfeld, Hauptstraße 12",
        "conference.date_help": "Alle Aufgaben planen wir rückwärts von diesem Tag aus.",
        "conference.format_open": "– noch offen –",
        "conference.format_help": "Die Vorlagen kommen aus der Erfahrung der Initiative. Ihr könnt danach alles ändern.",
        "conference.preset_choose": "Wählt ein Format, dann könnt ihr seine Vorlage übernehmen.",
        "conference.preset_contents": "Die Vorlage bringt mit: ein Programm mit {slots} Punkten, {tasks} Aufgaben (rückwärts geplant ab eurem Datum), {budget} Budgetposten als Richtwerte und Platz für etwa {people} Menschen. Sie füllt nur, was bei euch noch leer ist.",
        "conference.apply_preset": "Vorlage übernehmen",
        "conference.preset_slots": "{count} Programmpunkte",
        "conference.preset_tasks": "{count} Aufgaben",
        "conference.preset_budget": "{count} Budgetposten",
        "conference.preset_done": "Übernommen: {parts}. Passt jetzt alles an eure Konferenz an.",
        "conference.preset_nothing": "Aus der Vorlage war nichts mehr zu übernehmen.",
        "conference.preset_kept": "Schon vorhanden und unverändert: {parts}.",
        "conference.preset_needs_date": "Die Aufgaben kommen dazu, sobald ihr ein Datum eintragt und die Vorlage noch einmal übernehmt.",
        "conference.tasks_moved": "Neues Datum gespeichert. {count} offene Aufgaben sind mitgewandert – sie haben denselben Abstand zur Konferenz wie vorher.",
        "agenda.heading": "Programm",
        "agenda.add": "Programmpunkt hinzufügen",
        "agenda.title_placeholder": "z. B. Thementische zu den Handlungsfeldern",
        "agenda.place_label": "Raum oder Ort",
        "agenda.place_placeholder": "z. B. großer Saal",
        "agenda.responsible_placeholder": "z. B. Moderation: Lena",
        "agenda.empty": "Noch kein Programm. Übernehmt oben eine Vorlage oder fangt mit dem Ankommen an.",
        "agenda.by": "verantwortlich: {name}",
        "agenda.saved": "„{title}“ ({start}–{end}) steht im Programm.",
        "tables.heading": "Thementische",
        "tables.add": "Thementisch hinzufügen",
        "tables.challenge_label": "Aus euren Herausforderungen (Modul 2)",
        "tables.challenge_help": "Wählt eine Herausforderung, dann übernehmen wir Titel und Handlungsfeld. Ihr könnt auch ein eigenes Thema eintragen.",
        "tables.own_topic": "– eigenes Thema –",
        "tables.title_placeholder": "z. B. Mobil ohne eigenes Auto",
        "tables.host_placeholder": "Wer moderiert den Tisch?",
        "tables.empty": "Noch keine Thementische.",
        "tables.summary": "{count} Thementische mit zusammen {seats} Plätzen.",
        "tables.expected": "Erwartet: {expected} Menschen.",
        "tables.hosted_by": "Gastgeber:in: {name}",
        "tables.no_host_short": "noch ohne Gastgeber:in",
        "tables.seats": "{count} Plätze",
        "tables.from_challenge": "aus der Herausforderung: {text}",
        "tables.saved": "Thementisch „{title}“ gespeichert.",
        "invite.heading": "Einladungen",
        "invite.add_label": "Von eurer Akteurslandkarte einladen",
        "invite.placeholder": "Namen eingeben oder wählen …",
        "invite.add": "Auf die Einladungsliste",
        "invite.add_named": "{name} einladen",
        "invite.choose": "Wähle zuerst eine Akteur:in von eurer Landkarte.",
        "invite.added": "Auf der Einladungsliste: {names}.",
        "invite.already": "Schon auf der Einladungsliste: {names}.",
        "invite.remove": "Von der Einladungsliste nehmen",
        "invite.removed": "{name} steht nicht mehr auf der Einladungsliste.",
        "invite.status_saved": "{name}: {status}.",
        "invite.all": "alle",
        "invite.filter": "Zeigen",
        "invite.on_list": "auf der Liste",
        "invite.expected": "zugesagt {coming} von {expected} erwarteten",
        "invite.suggestions": "Diese Akteur:innen von eurer Landkarte würden die Runde breiter machen:",
        "invite.empty": "Noch niemand eingeladen.",
        "invite.none_with_status": "Niemand mit diesem Status.",
        "invite.no_actors": "Eure Akteurslandkarte ist noch leer. Tragt in Modul 3 ein, wen ihr kennt – hier ladet ihr sie dann ein.",
        "diversity.heading": "Wer sitzt mit am Tisch?",
        "diversity.empty": "Sobald ihr einladet, seht ihr hier, welche Sektoren und Handlungsfelder vertreten sind.",
        "diversity.fine": "Alle Sektoren und Handlungsfelder sind vertreten – eine bunte Runde!",
        "budget.heading": "Budget",
        "budget.add": "Budgetposten hinzufügen",
        "budget.line_label": "Posten",
        "budget.title_placeholder": "z. B. Verpflegung",
        "budget.actual_placeholder": "nach der Konferenz",
        "budget.not_an_amount": "{field}: „{value}“ ist kein Betrag. Schreibt ihn z. B. als 1.200,50.",
        "budget.empty": "Noch keine Budgetposten.",
        "budget.planned_short": "geplant",
        "budget.actual_short": "tatsächlich",
        "budget.no_actual": "–",
        "budget.total": "Summe",
        "budget.over": "Bei den {lines} abgerechneten Posten habt ihr bisher {amount} mehr ausgegeben als für alle Posten geplant.",
        "budget.under": "Noch {amount} bis zur geplanten Summe ({lines} Posten abgerechnet).",
        "budget.saved": "„{title}“ im Budget gespeichert.",
        "tasks.heading": "Aufgaben bis zur Konferenz",
        "tasks.add": "Aufgabe hinzufügen",
        "tasks.task_label": "Aufgabe",
        "tasks.title_placeholder": "z. B. Einladungen verschicken",
        "tasks.responsible_placeholder": "Name aus eurem Team",
        "tasks.due_label": "Fällig am",
        "tasks.weeks_label": "oder: Wochen vorher",
        "tasks.empty": "Noch keine Aufgaben. Eine Vorlage oben bringt eine rückwärts geplante Liste mit.",
        "tasks.summary": "{open} offen, {done} erledigt.",
        "tasks.overdue_count": "{count} davon überfällig.",
        "tasks.overdue": "überfällig",
        "tasks.done": "erledigt",
        "tasks.by": "macht: {name}",
        "tasks.nobody": "noch niemand zuständig",
        "tasks.saved": "Aufgabe „{title}“ gespeichert.",
        "files.heading": "Programm, Aufgaben und Kalender zum Mitnehmen",
        "files.help": "Das Programm für die Einladung und den Aushang, die Aufgabenliste für euer Team, den Termin für alle Kalender. Die Dateien entstehen aus dem aktuellen Stand.",
        "files.make": "Dateien erstellen",
        # @end-de
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

SWOT_QUADRANTS: dict[str, str] = {
    "staerken": "Stärken",
    "schwaechen": "Schwächen",
    "chancen": "Chancen",
    "risiken": "Risiken",
}

# Modul 3: the sectors a team starts with; it may add its own (stored as their label).
SECTORS: dict[str, str] = {
    "zivilgesellschaft": "Zivilgesellschaft",
    "wirtschaft": "Wirtschaft",
    "verwaltung": "Verwaltung",
    "politik": "Politik",
    "bildung": "Bildung & Wissenschaft",
    "medien": "Medien & Kultur",
}

ACTOR_TYPES: dict[str, str] = {
    "person": "Person",
    "organisation": "Organisation",
    "initiative": "Initiative",
}

TEAM_RELATIONS: dict[str, str] = {
    "eng": "eng verbunden – gehört (fast) zu uns",
    "kontakt": "wir haben Kontakt",
    "bekannt": "kennen wir vom Namen",
    "keiner": "noch kein Kontakt",
}

RELATION_KINDS: dict[str, str] = {
    "kooperiert": "kooperiert",
    "kennt_sich": "kennt sich",
    "foerdert": "finanziert/fördert",
    "konflikt": "Spannung/Konflikt",
}


# Modul 4 and 5
OUTCOME_STEPS: dict[int, str] = {
    4: "Stufe 4: Wissen, Fähigkeiten oder Einstellungen ändern sich",
    5: "Stufe 5: Das Handeln ändert sich",
    6: "Stufe 6: Die Lebenslage ändert sich",
}

IMPACT_LEVELS: dict[str, str] = {
    "input": "Input",
    "output": "Output",
    "outcome": "Outcome",
    "impact": "Impact",
}

CONFERENCE_FORMATS: dict[str, str] = {
    "werkstatt": "Mitmach-Werkstatt: ein halber Tag, 20–30 Menschen",
    "konferenz": "Mitmach-Konferenz: ein Tag, 40–80 Menschen",
    "gross": "Große Mitmach-Konferenz: anderthalb Tage, 100 und mehr",
}

SLOT_FORMATS: dict[str, str] = {
    "ankommen": "Ankommen",
    "begruessung": "Begrüßung",
    "impuls": "Impulsvortrag",
    "thementische": "Thementische",
    "world_cafe": "World Café",
    "open_space": "Open Space",
    "fishbowl": "Fishbowl",
    "pause": "Pause",
    "abschluss": "Abschluss",
}

INVITATION_STATUSES: dict[str, str] = {
    "offen": "offen",
    "eingeladen": "eingeladen",
    "zugesagt": "zugesagt",
    "abgesagt": "abgesagt",
}


def current_language() -> str:
    return os.environ.get("REGIONALLABOR_LANG", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The message for ``key`` in the current language, with ``values`` filled in."""
    table = MESSAGES.get(current_language(), {})
    template = table.get(key) or MESSAGES[DEFAULT_LANGUAGE][key]
    return template.format(**values) if values else template
