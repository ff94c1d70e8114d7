"""Modul 5 · Strategie & Mitmach-Konferenz: one file per section of the page."""

from .aufgaben import TaskPlan
from .budget import ConferenceBudget
from .eckdaten import ConferenceSetup
from .einladungen import InvitationList
from .programm import ProgramPlanner
from .thementische import TopicTables
from .wirkungslogik import ImpactLogic
from .zum_mitnehmen import ConferenceFiles

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
