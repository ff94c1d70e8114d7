"""Modul 6 · Aktionen & Weg: one file per section of the page."""

from .aktionsplan import ActionPlan
from .aktionspool import ActionPool
from .regionalprofil import RegionalProfile
from .statusbericht import StatusReport
from .zeitplan import ActionOverview

__all__ = ["ActionOverview", "ActionPlan", "ActionPool", "RegionalProfile", "StatusReport"]
