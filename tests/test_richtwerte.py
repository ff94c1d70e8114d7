"""The course says each of its numbers once: module texts, handbook, the planner's rules and presets agree
with ``regionallabor/richtwerte.py``.

A reviewer found the table size as "höchstens 12–15", "6 bis 12" and a warning only above 15, the impulse
talk as 20–30 and 15–20 minutes with presets of 30 and 45, invitations 8 weeks before and "6 bis 3 Wochen",
four sectors in the handbook and six in the tool. Each test reads every text where such a number appears.
"""

from __future__ import annotations

import json
import re
from datetime import time
from pathlib import Path

import pytest

from regionallabor.core.messages import SECTORS, SLOT_FORMATS
from regionallabor.core.model import Programmpunkt
from regionallabor.modul5.konferenz import length_issue
from regionallabor.modul5.vorlagen import load_presets
from regionallabor.richtwerte import (
    ACTIONS_PER_PERSON,
    DOMINANT_SECTOR_SHARE,
    FORMAT_MINUTES,
    INVITATION_WEEKS,
    TABLE_PEOPLE,
)

ROOT = Path(__file__).resolve().parent.parent
NUMBER = r"(\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"
WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}
WORDS |= {"elf": 11, "zwölf": 12}


def number(text: str) -> int:
    return int(text) if text.isdigit() else WORDS[text]


def course_texts() -> dict[str, str]:
    """Every text a team or facilitator reads: the module pages' prose, the handbook, the messages, the presets."""
    texts = {}
    for notebook in sorted((ROOT / "modules").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        texts[notebook.name] = prose
    for chapter in sorted((ROOT / "handbook").glob("*.md")):
        texts[chapter.name] = chapter.read_text(encoding="utf-8")
    data = ROOT / "regionallabor" / "data"
    texts["messages"] = (data / "messages" / "de.toml").read_text(encoding="utf-8")
    texts["vorlagen"] = (data / "konferenz" / "vorlagen.toml").read_text(encoding="utf-8")
    return {name: re.sub(r"\s+", " ", text) for name, text in texts.items()}


def statements(pattern: str) -> list[tuple[str, tuple[str, ...]]]:
    found = [(name, m.groups()) for name, text in course_texts().items() for m in re.finditer(pattern, text)]
    assert found, f"no text states {pattern}"  # a test that finds nothing would pass forever
    return found


def test_every_text_gives_the_same_table_size():
    for name, (low, high) in statements(rf"{NUMBER} bis {NUMBER} Menschen (?:pro|je|an jedem|am) Tisch"):
        assert (number(low), number(high)) == TABLE_PEOPLE, name
    for name, (low, high) in statements(rf"(?:An jedem Tisch sitzen|Plant) {NUMBER} bis {NUMBER} Menschen"):
        assert (number(low), number(high)) == TABLE_PEOPLE, name
    for name, text in course_texts().items():
        assert not re.search(r"\d+–\d+ Menschen (?:pro|je) Tisch", text), name


def test_every_text_gives_the_same_length_for_a_welcome_and_an_impulse():
    low, high = FORMAT_MINUTES["impuls"]
    for name, (first, second) in statements(rf"Impuls\w*\*?\*? (?:dauert |braucht |sollte |)?{NUMBER} bis {NUMBER}"):
        assert (number(first), number(second)) == (low, high), name
    for name, text in course_texts().items():
        assert not re.search(r"Impuls[^.]{0,60}\b(?:20–30|30–45) Minuten", text), name
    for name, (most,) in statements(rf"(?:Begrüßung\*?\*? braucht|Kurz und herzlich,) höchstens {NUMBER} Minuten"):
        assert number(most) == FORMAT_MINUTES["begruessung"][1], name


def test_the_handbooks_format_table_gives_the_planners_minutes():
    table = (ROOT / "handbook" / "programm.md").read_text(encoding="utf-8")
    rows = {
        cells[0]: cells[2]
        for line in table.splitlines()
        if line.startswith("|") and len(cells := [c.strip() for c in line.strip("|").split("|")]) == 4
    }
    assert rows["Thementische"].startswith("{}–{} Minuten".format(*FORMAT_MINUTES["thementische"]))
    assert rows["Fishbowl"] == "{}–{} Minuten".format(*FORMAT_MINUTES["fishbowl"])
    assert rows["World Café"] == "2–3 Runden à 20–30 Minuten" and FORMAT_MINUTES["world_cafe"] == (2 * 20, 3 * 30)
    assert rows["Open Space"].startswith(f"{FORMAT_MINUTES['open_space'][0] / 60:.1f}".replace(".", ",") + " Stunden")


@pytest.mark.parametrize("preset", sorted(load_presets()))
def test_every_preset_keeps_the_courses_minutes_and_weeks(preset):
    chosen = load_presets()[preset]
    for day, start, end, format_key, title in chosen.slots:
        slot = Programmpunkt(day=day, start=time.fromisoformat(start), end=time.fromisoformat(end), title=title)
        slot = slot.model_copy(update={"format": format_key})
        assert length_issue(slot) is None, (preset, title)
        if format_key == "world_cafe":  # the handbook: a World Café brings ideas, not agreements
            assert "Verabredung" not in title and "Vereinbarung" not in title, title
    invitations = [weeks for weeks, title in chosen.tasks if title.startswith("Einladungen")]
    assert len(invitations) == 1 and INVITATION_WEEKS[1] <= invitations[0] <= INVITATION_WEEKS[0], preset


def test_the_planner_warns_outside_the_richtwerte():
    impulse = Programmpunkt(day=1, start=time(10, 0), end=time(10, 45), title="Vortrag", format="impuls")
    assert length_issue(impulse) == (
        f"„Vortrag“ dauert 45 Minuten – für {SLOT_FORMATS['impuls']} rechnet der Kurs mit höchstens "
        f"{FORMAT_MINUTES['impuls'][1]}."
    )
    short = impulse.model_copy(update={"format": "thementische", "end": time(10, 30)})
    assert "mit mindestens 45" in length_issue(short)


def test_the_invitation_weeks_are_the_same_in_module_and_handbook():
    earliest, latest = INVITATION_WEEKS
    words = {v: k for k, v in WORDS.items()}
    module = course_texts()["05_strategie_und_konferenz.ipynb"]
    assert f"Einladungen {words[earliest]} bis {words[latest]} Wochen vorher" in module
    schedule = course_texts()["zeitplan.md"]
    assert f"Mitte ({earliest} bis 3 Wochen vorher)" in schedule
    assert f"Einladung geht {earliest} bis {latest} Wochen vorher raus" in schedule


def test_the_handbook_knows_the_sectors_of_the_tool():
    invitations = (ROOT / "handbook" / "einladen.md").read_text(encoding="utf-8")
    words = {v: k for k, v in WORDS.items()}
    assert f"## Die {words[len(SECTORS)]} Sektoren" in invitations
    table = re.search(r"\| Sektor \|.*?\n\n", invitations, re.S).group(0)
    assert [line.split("|")[1].strip() for line in table.splitlines()[2:] if line] == list(SECTORS.values())
    for name, (count,) in statements(rf"alle(?:n)? {NUMBER} Sektoren"):
        assert number(count) == len(SECTORS), name
    assert f"keiner stellt mehr als {DOMINANT_SECTOR_SHARE:.0%}".replace("%", " Prozent") in invitations


def test_the_handbook_gives_the_actions_per_person():
    words = {v: k for k, v in WORDS.items()}
    for name, (most,) in statements(rf"Höchstens {NUMBER} Aktionen je Person"):
        assert number(most) == ACTIONS_PER_PERSON, name
    assert "Eine Person, eine Aktion" not in course_texts()["nach-der-konferenz.md"]
    assert (
        f"Wer schon {words[ACTIONS_PER_PERSON]} Aktionen verantwortet, übernimmt keine dritte"
        in (course_texts()["nach-der-konferenz.md"])
    )
