"""The worksheets' source notebooks for nbgrader, written from the course's own definitions.

``python -m regionallabor worksheets`` writes ``exercises/source/modul-<n>/arbeitsblatt.ipynb``; the test
suite checks that the committed files are what this module writes, so questions and checks have one source.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from regionallabor.arbeitsblaetter.abgabe import REFLECTIONS
from regionallabor.arbeitsblaetter.snapshot import WORKSHEET_FILE, assignment_id
from regionallabor.core.paths import EXERCISES_DIR
from regionallabor.course import MODULES

# The one code cell a team edits: whether the snapshot replaces private persons' names.
SWITCH_VARIABLE = "NAMEN_ERSETZEN"
SWITCH_CELL = "namen-ersetzen"
# The answer cell's text in the source: nbgrader's generate_assignment replaces it for the teams.
HINT_FOR_FACILITATORS = "Hinweis für das Begleitteam (wird beim Verteilen entfernt): {hint}"


def _cell(
    kind: str,
    source: str,
    grade_id: str,
    *,
    grade: bool = False,
    solution: bool = False,
    locked: bool = True,
    points: int = 0,
):
    cell = (nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell)(source)
    cell.id = grade_id
    cell.metadata["nbgrader"] = {
        "grade": grade,
        "solution": solution,
        "locked": locked,
        "grade_id": grade_id,
        "schema_version": 3,
        **({"points": points} if grade else {}),
    }
    return cell


def worksheet_source(module: int) -> nbformat.NotebookNode:
    info = MODULES[module - 1]
    cells = [
        _cell(
            "markdown",
            f"""# Arbeitsblatt Modul {module} · {info.title}

Mit diesem Arbeitsblatt schickt ihr dem Begleitteam euren Stand aus Modul {module}. So geht es:

1. Führt alle Zellen aus (Menü **Run → Run All Cells**). Die erste Zelle nimmt eine **Momentaufnahme** eurer
   Arbeitsmappe auf – so, wie sie jetzt ist. Habt ihr danach weitergearbeitet, führt sie einfach noch einmal aus.
2. Der **Selbstcheck** sagt euch, ob alles da ist, was das Modul braucht.
3. Beantwortet die Fragen unten in den Antwortfeldern – ein paar ehrliche Sätze genügen.
4. Gebt ab: im Reiter **Assignments** mit „Submit“ – oder, ohne JupyterHub, mit der Abgabedatei von der
   Modulseite.

Namen von Privatpersonen auf eurer Akteurslandkarte werden in der Momentaufnahme ersetzt. Wenn ihr sie mitschicken
wollt, setzt in der nächsten Zelle `NAMEN_ERSETZEN = False`.""",
            "einleitung",
        ),
        nbformat.v4.new_code_cell(f"{SWITCH_VARIABLE} = True"),
        _cell(
            "code",
            f"""%xmode Minimal
from regionallabor.arbeitsblaetter.snapshot import assert_selbstcheck, show_snapshot, worksheet_snapshot

momentaufnahme = worksheet_snapshot({module}, pseudonymise={SWITCH_VARIABLE})""",
            "momentaufnahme",
        ),
        _cell("markdown", "## Eure Momentaufnahme\n\nSo sieht das Begleitteam euren Stand:", "momentaufnahme-titel"),
        _cell("code", "show_snapshot(momentaufnahme)", "momentaufnahme-ansicht"),
        _cell(
            "markdown",
            "## Selbstcheck\n\nDiese Zelle prüft die Momentaufnahme. Steht hier ein Hinweis, was "
            "noch fehlt, ergänzt es im Modul und führt das Arbeitsblatt noch einmal aus.",
            "selbstcheck-titel",
        ),
        _cell("code", f'print(assert_selbstcheck(".", {module}))', "selbstcheck", grade=True, points=1),
        _cell(
            "markdown",
            "## Eure Gedanken\n\nDas Begleitteam liest eure Antworten und schreibt euch dazu eine Rückmeldung.",
            "reflexion-titel",
        ),
    ]
    for reflection in REFLECTIONS[module]:
        cells.append(_cell("markdown", f"**{reflection.question}**", f"{reflection.key}-frage"))
        answer = HINT_FOR_FACILITATORS.format(hint=reflection.hint)
        cells.append(_cell("markdown", answer, reflection.key, grade=True, solution=True, locked=False, points=1))
    cells[1].id = SWITCH_CELL
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def write_sources(exercises: Path = EXERCISES_DIR) -> list[Path]:
    written = []
    for module in MODULES:
        path = exercises / "source" / assignment_id(module.number) / WORKSHEET_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(worksheet_source(module.number), path)
        written.append(path)
    return written
