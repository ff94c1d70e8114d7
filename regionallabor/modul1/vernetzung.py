"""The Vernetzungslandkarte: the teams of a cohort that chose to show themselves, and what each chose to show.

A team decides in Modul 1 (``Vernetzung``); the facilitators build the map from the submitted Modul 1
snapshots (``arbeitsblaetter.vernetzung``) and publish one file – on the hub next to the course file, without a
hub as a file they send. A team's page reads it from there, or from the copy the team imported.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from pydantic import Field, ValidationError

from regionallabor import refdata
from regionallabor.core.messages import t
from regionallabor.core.model import Region, Team, Vernetzung
from regionallabor.core.model.base import FileEntry, Weggemeinschaft
from regionallabor.core.store import Arbeitsmappe
from regionallabor.handlungsfelder import FieldKey

MAP_FILE = "vernetzungslandkarte.json"
MAP_FORMAT = "regionallabor-vernetzungslandkarte"


class MapTeam(FileEntry):
    """One team on the map – only what it chose to show."""

    team: str = Field(min_length=1, max_length=120)
    weggemeinschaft: Weggemeinschaft | None = None
    region: str = Field(default="", max_length=120)
    gebiete: tuple[str, ...] = Field(default=(), max_length=500)  # the region's areas, to draw it
    handlungsfelder: tuple[FieldKey, ...] = ()
    kontakt: str = Field(default="", max_length=200)


class CohortMap(FileEntry):
    format: str = Field(pattern=f"^{MAP_FORMAT}$")
    version: int = Field(ge=1, le=1)
    kohorte: str = Field(default="", max_length=120)
    erstellt: str = Field(max_length=40)
    teams: tuple[MapTeam, ...] = Field(default=(), max_length=1000)


class MapFileError(ValueError):
    """Not a Vernetzungslandkarte the course can read (German message)."""


def shown_entry(workbook: Arbeitsmappe) -> MapTeam | None:
    """What this team would show – None while it has not agreed to appear."""
    stored = workbook.get(Vernetzung)
    choice = stored.record if stored else Vernetzung()
    if not choice.share:
        return None
    team = workbook.get(Team)
    region = workbook.get(Region)
    record = region.record if region else Region()
    return MapTeam(
        team=(team.record.name if team and team.record.name else t("network.unnamed_team")),
        weggemeinschaft=record.weggemeinschaft,
        region=record.name if choice.share_region else "",
        gebiete=tuple(record.area_ids) if choice.share_region else (),
        handlungsfelder=tuple(choice.handlungsfelder),
        kontakt=choice.contact,
    )


def map_file(teams: list[MapTeam], cohort: str = "") -> bytes:
    document = CohortMap(
        format=MAP_FORMAT,
        version=1,
        kohorte=cohort,
        erstellt=datetime.now(UTC).isoformat(timespec="seconds"),
        teams=tuple(sorted(teams, key=lambda e: e.team.casefold())),
    )
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=1).encode("utf-8")


def parse_map(raw: bytes) -> CohortMap:
    try:
        return CohortMap.model_validate(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError):
        raise MapFileError(t("network.not_a_map")) from None


def published_map(*folders: Path | None) -> CohortMap | None:
    """The newest map in ``folders``: the one the facilitators published next to the course file (on the hub),
    or the copy the team imported."""
    candidates = [folder / MAP_FILE for folder in folders if folder is not None]
    found = [path for path in candidates if path.is_file()]
    if not found:
        return None
    newest = max(found, key=lambda path: path.stat().st_mtime)
    return _read_map(str(newest), newest.stat().st_mtime)


@cache
def _read_map(path: str, modified: float) -> CohortMap:
    """Parsed once per version of the file (``modified`` is part of the key): filters redraw without reading it."""
    return parse_map(Path(path).read_bytes())


@cache
def shape_of(entry: MapTeam) -> refdata.RegionShape | None:
    """The team's region as a map draws it – once per entry, for its distance and its place on the map."""
    areas = [a for a in (refdata.area(i) for i in entry.gebiete) if a is not None]
    return refdata.region_shape(areas) if areas else None


def center(entry: MapTeam) -> tuple[float, float] | None:
    """(lat, lon) in the middle of the region's areas, or None for a team that does not show its region."""
    shape = shape_of(entry)
    return shape.center if shape is not None else None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def nearby(
    teams: tuple[MapTeam, ...], here: tuple[float, float] | None, weggemeinschaft: str = "", field: str = ""
) -> list[tuple[MapTeam, float | None]]:
    """The teams that match the filters, nearest first (those without a region last, by name)."""
    chosen = [
        e
        for e in teams
        if (not weggemeinschaft or e.weggemeinschaft == weggemeinschaft) and (not field or field in e.handlungsfelder)
    ]
    with_distance = [(e, distance_km(here, c) if here and (c := center(e)) else None) for e in chosen]
    return sorted(with_distance, key=lambda pair: (pair[1] is None, pair[1] or 0, pair[0].team.casefold()))
