"""The six course modules, and how far a team has got in each.

A module is *nicht begonnen* while the workbook holds none of its records,
*erledigt* when its checks find nothing missing, and *in Arbeit* in between.
The checks are the same ones the worksheets' Selbstcheck will use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from regionallabor.core.messages import t
from regionallabor.core.store import Arbeitsmappe
from regionallabor.modul1 import selbstcheck as modul1
from regionallabor.modul2 import selbstcheck as modul2
from regionallabor.modul3 import selbstcheck as modul3
from regionallabor.modul4 import selbstcheck as modul4
from regionallabor.modul5 import selbstcheck as modul5
from regionallabor.modul6 import selbstcheck as modul6


class Status(Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return t(f"start.status.{self.value}")


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    summary: str
    notebook: str | None
    kinds: tuple[str, ...] = ()
    missing: Callable[[Arbeitsmappe], list[str]] | None = None
    handbook: tuple[str, ...] = ()  # the handbook chapters the module page points to

    def status(self, workbook: Arbeitsmappe) -> Status:
        if not self.kinds or not any(workbook.count_kind(kind) for kind in self.kinds):
            return Status.NOT_STARTED
        if self.missing is not None and not self.missing(workbook):
            return Status.DONE
        return Status.IN_PROGRESS


MODULES: tuple[Module, ...] = (
    Module(
        1,
        "Team & Region",
        "Wer seid ihr, und welche Region wollt ihr bewegen?",
        "01_team_und_region.ipynb",
        modul1.KINDS,
        modul1.missing,
        ("mitmach-konferenz", "regional-team"),
    ),
    Module(
        2,
        "Region unter der Lupe",
        "Kennzahlen, Handlungsfelder-Check, Schätze der Region und SWOT.",
        "02_region_unter_der_lupe.ipynb",
        modul2.KINDS,
        modul2.missing,
        ("swot", "landkarte-der-initiativen"),
    ),
    Module(
        3,
        "Beziehungsnetz",
        "Akteurslandkarte, Brückenbauer:innen und Gesprächsnotizen.",
        "03_beziehungsnetz.ipynb",
        modul3.KINDS,
        modul3.missing,
        ("akteurslandkarte", "einladen", "landkarte-der-initiativen", "datenschutz"),
    ),
    Module(
        4,
        "Vision",
        "Zukunftswerkstatt, ein gemeinsames Zukunftsbild für eure Region und eure Ziele.",
        "04_vision.ipynb",
        modul4.KINDS,
        modul4.missing,
        ("zukunftswerkstatt", "mitmach-konferenz", "nach-der-konferenz"),
    ),
    Module(
        5,
        "Strategie & Mitmach-Konferenz",
        "Wirkungslogik eurer Ziele und die Planung eurer Konferenz.",
        "05_strategie_und_konferenz.ipynb",
        modul5.KINDS,
        modul5.missing,
        (
            "wirkungslogik",
            "zeitplan",
            "einladen",
            "ort-und-budget",
            "geld-und-recht",
            "programm",
            "dokumentieren",
            "vorlagen",
        ),
    ),
    Module(
        6,
        "Aktionen & Weg",
        "Aktionspool, Aktionsplan, Statusbericht und euer Regionalprofil.",
        "06_aktionen_und_weg.ipynb",
        modul6.KINDS,
        modul6.missing,
        ("nach-der-konferenz", "dokumentieren"),
    ),
)


def available_modules(modules_dir: Path) -> set[int]:
    """Numbers of the modules whose notebook exists, so the start page links only to real pages."""
    return {m.number for m in MODULES if m.notebook and (modules_dir / m.notebook).exists()}
