"""Modul 2 · Region unter der Lupe: one file per section of the page."""

from .handlungsfelder_check import FieldCheck
from .kennzahlen import OwnFigures, RegionFigures
from .schaetze import SchatzInventory
from .swot import ChallengeList, SwotBoard

__all__ = ["ChallengeList", "FieldCheck", "OwnFigures", "RegionFigures", "SchatzInventory", "SwotBoard"]
