"""Modul 3 · Beziehungsnetz: one file per section of the page.

The tools load on first use: Modul 5 and 6 use the actor list's pieces (``regionallabor_widgets.modul3.akteure``) and
must not pay for the network map's ipysigma, which brings pandas, numpy and networkx (≈ 50 MB a kernel).
"""

from importlib import import_module

_TOOLS = {
    "ActorList": "akteure",
    "ConversationLog": "gespraeche",
    "InfluenceGrid": "netzauswertung",
    "NetworkFiles": "tabellen",
    "NetworkInsights": "netzauswertung",
    "NetworkMap": "netzwerkkarte",
    "RelationEditor": "beziehungen",
}

__all__ = sorted(_TOOLS)


def __getattr__(name: str):
    if name not in _TOOLS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_TOOLS[name]}", __name__), name)


def __dir__() -> list[str]:
    return __all__
