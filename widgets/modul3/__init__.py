"""Modul 3 · Beziehungsnetz: one file per section of the page."""

from .akteure import ActorList
from .beziehungen import RelationEditor
from .gespraeche import ConversationLog
from .netzauswertung import InfluenceGrid, NetworkInsights
from .netzwerkkarte import NetworkMap
from .tabellen import NetworkFiles

__all__ = [
    "ActorList",
    "ConversationLog",
    "InfluenceGrid",
    "NetworkFiles",
    "NetworkInsights",
    "NetworkMap",
    "RelationEditor",
]
