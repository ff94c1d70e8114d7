"""The six course modules, and how far a team has got in each.

A module is *nicht begonnen* while the workbook holds none of its records,
*erledigt* when its checks find nothing missing, and *in Arbeit* in between.
The checks are the same ones the worksheets' Selbstcheck will use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from regionallabor.core.messages import t
from regionallabor.modul6.aktionen import MODUL6_KINDS, module6_missing
from regionallabor.modul2.bestandsaufnahme import MODUL2_KINDS, module2_missing
from regionallabor.modul3.beziehungsnetz import MODUL3_KINDS, module3_missing
from regionallabor.modul5.konferenz import MODUL5_KINDS, module5_missing
from regionallabor.modul4.vision import MODUL4_KINDS, module4_missing
from regionallabor.core.model import Member, Region, Team
from regionallabor.refdata import Figures, summarize
from regionallabor.core.store import Arbeitsmappe

MIN_TEAM_SIZE = 3


class Status(Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return t(f"start.status.{self.value}")


def module1_missing(workbook: Arbeitsmappe) -> list[str]:
    """What Modul 1 still lacks, in German; empty when the module is complete."""
    missing = []
    members = [stored.record for stored in workbook.list(Member)]
    if len(members) < MIN_TEAM_SIZE:
        missing.append(f"mindestens {MIN_TEAM_SIZE} Teammitglieder (bisher {len(members)})")
    if not any(member.is_main_contact for member in members):
        missing.append("eine Haupt-Ansprechperson")
    stored_region = workbook.get(Region)
    region = stored_region.record if stored_region else Region()
    if not region.name:
        missing.append("ein Name für eure Region")
    if not region.area_ids and not region.own_figures:
        missing.append("die Gebiete eurer Region oder eigene Eckdaten")
    elif region_figures(region).population is None:
        missing.append("die Einwohnerzahl eurer Region")
    if not region.weggemeinschaft:
        missing.append("eure Weggemeinschaft")
    return missing


def region_figures(region: Region) -> Figures:
    """The region's key figures: summed from its areas, with the team's own figures taking precedence."""
    figures = summarize(region.area_ids)
    own = region.own_figures
    if own is None:
        return figures
    return replace(
        figures,
        population=own.population if own.population is not None else figures.population,
        area_km2=own.area_km2 if own.area_km2 is not None else figures.area_km2,
        stand=str(own.year),
        sources=(t("region.own_source", source=own.source), *figures.sources),
        missing_population=() if own.population is not None else figures.missing_population,
    )


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
    Module(1, "Team & Region", "Wer seid ihr, und welche Region wollt ihr bewegen?",
           "01_team_und_region.ipynb", (Team.KIND, Member.KIND, Region.KIND), module1_missing,
           ("mitmach-konferenz", "regional-team")),
    Module(2, "Region unter der Lupe", "Kennzahlen, Handlungsfelder-Check, Schätze der Region und SWOT.",
           "02_region_unter_der_lupe.ipynb", MODUL2_KINDS, module2_missing, ("landkarte-der-initiativen",)),
    Module(3, "Beziehungsnetz", "Akteurslandkarte, Brückenbauer:innen und Gesprächsnotizen.",
           "03_beziehungsnetz.ipynb", MODUL3_KINDS, module3_missing, ("einladen", "landkarte-der-initiativen")),
    Module(4, "Vision", "Zukunftswerkstatt, ein gemeinsames Zukunftsbild für eure Region und eure Ziele.",
           "04_vision.ipynb", MODUL4_KINDS, module4_missing, ("mitmach-konferenz", "nach-der-konferenz")),
    Module(5, "Strategie & Mitmach-Konferenz", "Wirkungslogik eurer Ziele und die Planung eurer Konferenz.",
           "05_strategie_und_konferenz.ipynb", MODUL5_KINDS, module5_missing,
           ("zeitplan", "einladen", "ort-und-budget", "programm", "dokumentieren", "vorlagen")),
    Module(6, "Aktionen & Weg", "Aktionspool, Aktionsplan, Statusbericht und euer Regionalprofil.",
           "06_aktionen_und_weg.ipynb", MODUL6_KINDS, module6_missing, ("nach-der-konferenz", "dokumentieren")),
)


def available_modules(modules_dir: Path) -> set[int]:
    """Numbers of the modules whose notebook exists, so the start page links only to real pages."""
    return {m.number for m in MODULES if m.notebook and (modules_dir / m.notebook).exists()}
