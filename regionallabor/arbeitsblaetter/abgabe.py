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

from regionallabor.arbeitsblaetter.snapshot import SNAPSHOT_FILE, WORKSHEET_FILE, Snapshot, assignment_id
from regionallabor.core.model import Reflexion
from regionallabor.core.paths import EXERCISES_DIR
from regionallabor.core.store import Arbeitsmappe, Stored

# A zip file a team downloads: regionallabor_modul-1_<team>_<UTC time>.zip; zip_collect extracts it into a
# folder of that name, and this pattern reads team and file from each extracted file's path.
ZIP_NAME = "regionallabor_{assignment}_{team}_{stamp}.zip"


ZIP_PATTERN = (
    r".*/regionallabor_(?P<assignment>modul-\d)_(?P<student_id>[a-z0-9-]+)_(?P<timestamp>\d{8}T\d{6}Z)/"
    r"(?P<file_id>arbeitsblatt\.ipynb|momentaufnahme\.json)$"
)


REFLECTIONS: dict[int, tuple[tuple[str, str], ...]] = {
    1: (
        ("reflexion-team", "Was bringt jede:r von euch ins Regional-Team ein – und wer fehlt euch noch?"),
        ("reflexion-region", "Warum habt ihr eure Region so abgegrenzt? Was gehört für euch dazu, was nicht?"),
    ),
    2: (
        ("reflexion-ueberraschung", "Welche Kennzahl oder welche Einschätzung hat euch überrascht – und warum?"),
        ("reflexion-schatz", "Welcher Schatz eurer Region sollte auf eurer Mitmach-Konferenz sichtbar werden?"),
    ),
    3: (
        ("reflexion-netz", "Wen habt ihr über das Beziehungsnetz neu entdeckt? Wo fehlen Verbindungen?"),
        ("reflexion-gespraech", "Was habt ihr aus euren Gesprächen mitgenommen?"),
    ),
    4: (
        ("reflexion-vision", "Welches Bild aus eurer Vision trägt euch am meisten – und wer teilt es schon?"),
        ("reflexion-ziel", "Welches Ziel packt ihr zuerst an, und woran merkt ihr, dass ihr vorankommt?"),
    ),
    5: (
        ("reflexion-wirkung", "Bei welchem Ziel war die Wirkungslogik am schwersten zu schreiben?"),
        ("reflexion-konferenz", "Wen wollt ihr auf eurer Konferenz unbedingt dabeihaben, und wie gewinnt ihr sie?"),
    ),
    6: (
        ("reflexion-aktion", "Welche Aktion zeigt in den nächsten drei Monaten, dass sich etwas bewegt?"),
        ("reflexion-weg", "Was braucht ihr vom Begleitteam und eurer Weggemeinschaft auf dem weiteren Weg?"),
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
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
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
