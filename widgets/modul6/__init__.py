"""Modul 6 · Aktionen & Weg: one file per section of the page."""

from .aktionen import ActionOverview, ActionPlan, ActionPool
from .statusbericht import RegionalProfile, StatusReport

__all__ = ["ActionOverview", "ActionPlan", "ActionPool", "RegionalProfile", "StatusReport"]
