"""Modul 4 · Vision: one file per section of the page."""

from .fantasiephase import FantasyPhase
from .kritikphase import CritiquePhase
from .ziele import GoalPlanner
from .zukunftsbild import VisionBoard

__all__ = ["CritiquePhase", "FantasyPhase", "GoalPlanner", "VisionBoard"]
