"""The typed records a team's Arbeitsmappe holds, one file per course module.

Every record kind is a pydantic model with a ``KIND`` – the name under which the store keeps it;
``KIND`` is data, so renaming a class never changes what a workbook holds. Validation lives here,
so that a widget, an import and a test all refuse the same bad input with the same German message
(see :func:`explain`).
"""

from regionallabor.core.model.arbeitsblatt import Reflexion
from regionallabor.core.model.base import (
    ActionStatus,
    ActorType,
    AreaType,
    ConferenceFormat,
    CountryCode,
    Effort,
    FileEntry,
    ImpactLevel,
    InvitationStatus,
    Record,
    RelationKind,
    SingletonRecord,
    SlotFormat,
    SwotQuadrant,
    TeamRelation,
    Weggemeinschaft,
    new_id,
)
from regionallabor.core.model.explain import FIELD_LABELS, explain
from regionallabor.core.model.modul1 import Member, OwnFigures, Region, Team, Vernetzung
from regionallabor.core.model.modul2 import FieldRating, Herausforderung, Kennzahl, RatingRound, Schatz, SwotEntry
from regionallabor.core.model.modul3 import Akteur, Beziehung, Gespraech, sector_key, sector_label
from regionallabor.core.model.modul4 import Idee, Kritikpunkt, Vision, Ziel, Zukunftsbild
from regionallabor.core.model.modul5 import (
    Aufgabe,
    Budgetposten,
    Einladung,
    Indikator,
    Konferenz,
    Programmpunkt,
    Thementisch,
    Wirkungslogik,
)
from regionallabor.core.model.modul6 import Aktion, Statusbericht

RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Team,
        Member,
        Region,
        Vernetzung,
        Kennzahl,
        FieldRating,
        Schatz,
        Herausforderung,
        SwotEntry,
        Akteur,
        Beziehung,
        Gespraech,
        Kritikpunkt,
        Idee,
        Ziel,
        Vision,
        Zukunftsbild,
        Wirkungslogik,
        Konferenz,
        Programmpunkt,
        Thementisch,
        Einladung,
        Budgetposten,
        Aufgabe,
        Aktion,
        Statusbericht,
        Reflexion,
    )
}

__all__ = [
    "RECORD_TYPES",
    "FileEntry",
    "FIELD_LABELS",
    "explain",
    "new_id",
    "Record",
    "SingletonRecord",
    "ActionStatus",
    "ActorType",
    "AreaType",
    "ConferenceFormat",
    "CountryCode",
    "Effort",
    "ImpactLevel",
    "InvitationStatus",
    "RelationKind",
    "SlotFormat",
    "SwotQuadrant",
    "TeamRelation",
    "Weggemeinschaft",
    "Team",
    "Vernetzung",
    "Member",
    "OwnFigures",
    "Region",
    "Kennzahl",
    "FieldRating",
    "RatingRound",
    "Schatz",
    "Herausforderung",
    "SwotEntry",
    "Akteur",
    "Beziehung",
    "Gespraech",
    "sector_key",
    "sector_label",
    "Kritikpunkt",
    "Idee",
    "Ziel",
    "Vision",
    "Zukunftsbild",
    "Indikator",
    "Wirkungslogik",
    "Konferenz",
    "Programmpunkt",
    "Thementisch",
    "Einladung",
    "Budgetposten",
    "Aufgabe",
    "Aktion",
    "Statusbericht",
    "Reflexion",
]
