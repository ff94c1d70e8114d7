"""The submission file of the zip path: the released worksheet with the team's reflections filled in, and its snapshot.

The team writes its reflections on the module page (kept as records) and downloads one zip file;
the facilitators import a folder of them with nbgrader's ``zip_collect``, which reads team and file
from each name with ``ZIP_PATTERN``.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from functools import cache
from typing import NamedTuple

from regionallabor.arbeitsblaetter.snapshot import SNAPSHOT_FILE, WORKSHEET_FILE, Snapshot, assignment_id
from regionallabor.core.model import Reflexion
from regionallabor.core.paths import EXERCISES_DIR
from regionallabor.core.store import Arbeitsmappe, Stored

# A zip file a team downloads: regionallabor_modul-1_<team>_<UTC time>.zip; zip_collect extracts it into a
# folder of that name, and this pattern reads team and file from each extracted file's path.
ZIP_NAME = "regionallabor_{assignment}_{team}_{stamp}.zip"
ZIP_STAMP = "%Y%m%dT%H%M%SZ"


ZIP_PATTERN = (
    r".*/regionallabor_(?P<assignment>modul-\d)_(?P<student_id>[a-z0-9-]+)_(?P<timestamp>\d{8}T\d{6}Z)/"
    r"(?P<file_id>arbeitsblatt\.ipynb|momentaufnahme\.json)$"
)


class Reflection(NamedTuple):
    key: str  # nbgrader's grade_id of the answer cell
    question: str
    hint: str  # for the facilitators: what a good answer touches, what to ask back


REFLECTIONS: dict[int, tuple[Reflection, ...]] = {
    1: (
        Reflection(
            "reflexion-team",
            "Was bringt jede:r von euch ins Regional-Team ein – und wer fehlt euch noch?",
            "Eine tragfähige Antwort sagt, wer welche Stärke, welche Kontakte oder welche Zeit einbringt, und nennt eine "
            "konkrete Lücke (eine Altersgruppe, ein Ortsteil, eine Branche, die Verwaltung). Fragt zurück: Wen kennt ihr, "
            "der diese Lücke schließen könnte – und wer von euch spricht die Person bis wann an?",
        ),
        Reflection(
            "reflexion-region",
            "Warum habt ihr eure Region so abgegrenzt? Was gehört für euch dazu, was nicht?",
            "Gut ist eine Begründung aus dem Alltag der Menschen (Schulweg, Einkauf, Vereine, Pendeln), nicht nur aus "
            "Verwaltungsgrenzen, und ein Satz dazu, was bewusst draußen bleibt. Fragt zurück: Fühlen sich die Menschen im "
            "Nachbarort zugehörig? Ist die Region klein genug, dass ihr dort wirklich etwas bewegen könnt?",
        ),
    ),
    2: (
        Reflection(
            "reflexion-ueberraschung",
            "Welche Kennzahl oder welche Einschätzung hat euch überrascht – und warum?",
            "Eine gute Antwort verbindet eine Zahl mit einer Beobachtung vor Ort und einer Vermutung, warum es so ist. "
            "Fragt zurück: Wen in der Region könntet ihr fragen, ob eure Erklärung stimmt? Was folgt daraus für eure "
            "Handlungsfelder?",
        ),
        Reflection(
            "reflexion-schatz",
            "Welcher Schatz eurer Region sollte auf eurer Mitmach-Konferenz sichtbar werden?",
            "Gut ist ein konkreter Ort, eine Person, ein Verein oder ein Brauch – und eine Idee, wie er sichtbar wird "
            "(eine Führung, ein Stand, eine Geschichte zum Auftakt). Fragt zurück: Wer hütet diesen Schatz heute, und ist "
            "diese Person schon eingeladen?",
        ),
    ),
    3: (
        Reflection(
            "reflexion-netz",
            "Wen habt ihr über das Beziehungsnetz neu entdeckt? Wo fehlen Verbindungen?",
            "Eine gute Antwort nennt eine Brückenperson oder -gruppe und eine Lücke zwischen zwei Bereichen (etwa "
            "Landwirtschaft und Gastronomie, Jugend und Verwaltung). Fragt zurück: Wer aus dem Team knüpft die fehlende "
            "Verbindung, und bei welcher Gelegenheit?",
        ),
        Reflection(
            "reflexion-gespraech",
            "Was habt ihr aus euren Gesprächen mitgenommen?",
            "Gut sind Sätze der Gesprächspartner:innen selbst – was sie antreibt, was sie bremst – und was das Team "
            "seitdem anders sieht. Fragt zurück: Wer von ihnen will mitmachen, und habt ihr sie das ausdrücklich gefragt?",
        ),
    ),
    4: (
        Reflection(
            "reflexion-vision",
            "Welches Bild aus eurer Vision trägt euch am meisten – und wer teilt es schon?",
            "Ein tragendes Bild ist anschaulich (ein Platz, ein Tag, eine Begegnung im Jahr 2035), kein Leitbild-Satz. "
            "Fragt zurück: Haben Menschen außerhalb des Teams dieses Bild schon gehört – und wie haben sie reagiert?",
        ),
        Reflection(
            "reflexion-ziel",
            "Welches Ziel packt ihr zuerst an, und woran merkt ihr, dass ihr vorankommt?",
            "Gut ist ein Ziel mit einem sichtbaren ersten Schritt und einem Zeichen des Fortschritts, das sich zählen oder "
            "beobachten lässt. Fragt zurück: Wer ist verantwortlich, und bis wann soll der erste Schritt geschafft sein?",
        ),
    ),
    5: (
        Reflection(
            "reflexion-wirkung",
            "Bei welchem Ziel war die Wirkungslogik am schwersten zu schreiben?",
            "Meist hakt es zwischen Aktivität und Wirkung – bei dem, was sich für die Menschen verändern soll. Eine gute "
            "Antwort benennt genau diese Stelle. Fragt zurück: Woran würde eine Außenstehende merken, dass die Wirkung "
            "eingetreten ist? Welcher Indikator ließe sich mit wenig Aufwand erheben?",
        ),
        Reflection(
            "reflexion-konferenz",
            "Wen wollt ihr auf eurer Konferenz unbedingt dabeihaben, und wie gewinnt ihr sie?",
            "Gut sind Menschen oder Gruppen, die sonst fehlen (Jugendliche, Zugezogene, Gewerbe, Verwaltung), und ein "
            "persönlicher Weg der Einladung. Fragt zurück: Wer aus dem Team spricht sie an, und was brauchen sie, um kommen "
            "zu können – eine andere Uhrzeit, Kinderbetreuung, eine Mitfahrgelegenheit?",
        ),
    ),
    6: (
        Reflection(
            "reflexion-aktion",
            "Welche Aktion zeigt in den nächsten drei Monaten, dass sich etwas bewegt?",
            "Eine gute Antwort nennt eine kleine, sichtbare Aktion mit Datum, Ort und Verantwortlichen, die Menschen "
            "außerhalb des Teams erleben. Fragt zurück: Was braucht ihr dafür (Geld, eine Genehmigung, einen Raum), und wer "
            "kümmert sich darum?",
        ),
        Reflection(
            "reflexion-weg",
            "Was braucht ihr vom Begleitteam und eurer Weggemeinschaft auf dem weiteren Weg?",
            "Gut sind konkrete Bitten: ein Kontakt, eine Methode, ein Termin, der Austausch mit einem Team, das Ähnliches "
            "vorhat. Antwortet mit dem, was ihr zusagen könnt – und sagt ebenso klar, was nicht.",
        ),
    ),
}


def fill_reflections(notebook: dict, answers: dict[str, str]) -> dict:
    """The worksheet with the team's reflections in its answer cells (matched by nbgrader's grade_id)."""
    for cell in notebook["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers and answers[grade_id].strip():
            cell["source"] = answers[grade_id].strip()
    return notebook


def submission_zip(
    snapshot: Snapshot, released_notebook: dict, answers: dict[str, str], now: datetime | None = None
) -> tuple[str, bytes]:
    """The file a team sends without a hub: file name (team and module readable) and the zip's bytes."""
    stamp = (now or datetime.now(UTC)).strftime(ZIP_STAMP)
    name = ZIP_NAME.format(assignment=assignment_id(snapshot.module), team=snapshot.team_id, stamp=stamp)
    notebook = fill_reflections(json.loads(json.dumps(released_notebook)), answers)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(WORKSHEET_FILE, json.dumps(notebook, ensure_ascii=False, indent=1))
        archive.writestr(SNAPSHOT_FILE, snapshot.to_json())
    return name, buffer.getvalue()


def reflections(workbook: Arbeitsmappe, module: int) -> dict[str, Stored[Reflexion]]:
    return {stored.record.key: stored for stored in workbook.list(Reflexion) if stored.record.module == module}


def save_reflection(workbook: Arbeitsmappe, module: int, key: str, text: str) -> Stored[Reflexion]:
    """Keep a reflection: the newest text wins, whichever tab wrote before (it is one team's free text)."""
    with workbook.transaction() as tx:
        existing = reflections(workbook, module).get(key)
        if existing is None:
            return tx.add(Reflexion(module=module, key=key, text=text))
        return tx.update(existing.record.model_copy(update={"text": text}), existing.version)


def answers(workbook: Arbeitsmappe, module: int) -> dict[str, str]:
    return {key: stored.record.text for key, stored in reflections(workbook, module).items()}


@cache
def released_notebook(module: int) -> dict:
    """The worksheet as teams receive it, made by nbgrader's own ``generate_assignment`` preprocessors.

    All of them run except ``SaveCells``, which writes the facilitator's gradebook – a zip submission then
    carries the cells and checksums the facilitator's release has, without a gradebook on the team's side.
    """
    import nbformat
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import SaveCells
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(EXERCISES_DIR)).load_config()
    notebook = nbformat.read(EXERCISES_DIR / "source" / assignment_id(module) / WORKSHEET_FILE, as_version=4)
    resources = {"nbgrader": {"notebook": "arbeitsblatt", "assignment": assignment_id(module)}}
    for preprocessor in GenerateAssignment.class_traits()["preprocessors"].default():
        if preprocessor is not SaveCells:
            notebook, resources = preprocessor(config=config).preprocess(notebook, resources)
    return json.loads(nbformat.writes(notebook))
