"""Modul 5 · Strategie & Mitmach-Konferenz: one file per section of the page."""

from .einladungen import InvitationList
from .konferenz import ConferenceSetup, ProgramPlanner, TopicTables
from .konferenzplanung import ConferenceBudget, ConferenceFiles, TaskPlan
from .wirkungslogik import ImpactLogic

__all__ = [
    "ConferenceBudget",
    "ConferenceFiles",
    "ConferenceSetup",
    "ImpactLogic",
    "InvitationList",
    "ProgramPlanner",
    "TaskPlan",
    "TopicTables",
]
