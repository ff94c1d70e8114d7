"""The five Handlungsfelder of a Mitmach-Region, and the field that runs through all of them."""

from __future__ import annotations

from typing import Literal

FieldKey = Literal["landwirtschaft", "energie", "bauen", "mobilitaet", "wirtschaft", "zusammenhalt"]

HANDLUNGSFELDER: dict[str, str] = {
    "landwirtschaft": "Landwirtschaft & Ernährung",
    "energie": "Energie",
    "bauen": "Bauen & Wohnen",
    "mobilitaet": "Mobilität",
    "wirtschaft": "Wirtschaft",
}
CROSS_CUTTING: dict[str, str] = {"zusammenhalt": "Sozialer Zusammenhalt & Beteiligung"}
ALL_FIELDS: dict[str, str] = {**HANDLUNGSFELDER, **CROSS_CUTTING}

# Short names where space is scarce (chart axes, chips).
SHORT_LABELS: dict[str, str] = {
    "landwirtschaft": "Landwirtschaft\n& Ernährung",
    "energie": "Energie",
    "bauen": "Bauen\n& Wohnen",
    "mobilitaet": "Mobilität",
    "wirtschaft": "Wirtschaft",
    "zusammenhalt": "Zusammenhalt\n& Beteiligung",
}

assert set(ALL_FIELDS) == set(FieldKey.__args__) == set(SHORT_LABELS)


def field_label(key: str) -> str:
    return ALL_FIELDS[key]
