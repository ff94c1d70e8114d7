"""Modul 4 · Vision: one file per section of the page."""

from .zukunftsbild import VisionBoard
from .zukunftswerkstatt import CritiquePhase, FantasyPhase, GoalPlanner

__all__ = ["CritiquePhase", "FantasyPhase", "GoalPlanner", "VisionBoard"]
