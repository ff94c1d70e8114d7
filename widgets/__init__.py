"""The course tools people click: ipywidgets compositions over the ``regionallabor`` domain.

Notebooks call ``open_course_page()`` once, then one tool per cell. The tools are
imported on first use, so that a page loads only what it shows (the start page
needs neither ipyleaflet nor pandas).
"""

from importlib import import_module

_TOOLS = {
    "open_course_page": "page",
    "BinderWarning": "start",
    "JupyterLabLink": "start",
    "ModuleOverview": "start",
    "WorkbookTransfer": "start",
    "HandbookLinks": "handbuch",
    "WorksheetSubmission": "arbeitsblatt",
    "CohortOverview": "kohorte",
    "RegionEditor": "region",
    "TeamEditor": "team",
    "RegionFigures": "kennzahlen",
    "OwnFigures": "kennzahlen",
    "FieldCheck": "handlungsfelder",
    "SchatzInventory": "schaetze",
    "ChallengeList": "swot",
    "SwotBoard": "swot",
    "ActorList": "akteure",
    "RelationEditor": "beziehungen",
    "NetworkMap": "netzwerkkarte",
    "NetworkInsights": "netzauswertung",
    "InfluenceGrid": "netzauswertung",
    "ConversationLog": "gespraeche",
    "NetworkFiles": "netzdateien",
    "CritiquePhase": "zukunftswerkstatt",
    "FantasyPhase": "zukunftswerkstatt",
    "GoalPlanner": "zukunftswerkstatt",
    "VisionBoard": "zukunftsbild",
    "ImpactLogic": "wirkungslogik",
    "ConferenceSetup": "konferenz",
    "ProgramPlanner": "konferenz",
    "TopicTables": "konferenz",
    "InvitationList": "einladungen",
    "ConferenceBudget": "konferenzplanung",
    "TaskPlan": "konferenzplanung",
    "ConferenceFiles": "konferenzplanung",
    "ActionPool": "aktionen",
    "ActionPlan": "aktionen",
    "ActionOverview": "aktionen",
    "StatusReport": "statusbericht",
    "RegionalProfile": "statusbericht",
}

__all__ = list(_TOOLS)


def __getattr__(name: str):
    if name in _TOOLS:
        return getattr(import_module(f".{_TOOLS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
