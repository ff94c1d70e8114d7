"""The one message catalog for every user-facing string outside the notebooks' prose.

The texts are data: ``regionallabor/data/messages/<language>.toml``, one file per language. German is
the course language; a second language is a file with the same keys, and ``t()`` falls back to German
for any key a translation lacks, so a partial translation never breaks a page. A text with a number
has its plural forms (``one``, ``other``, …) chosen by the language's plural rules (Babel).
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources

from babel import Locale

from regionallabor.core.formatting import conventions

DEFAULT_LANGUAGE = "de"
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})

Entry = str | dict[str, str]


def _is_plural(value: object) -> bool:
    return isinstance(value, dict) and "other" in value and set(value) <= PLURAL_FORMS


@cache
def _catalog(language: str) -> tuple[dict[str, Entry], dict]:
    """The messages of ``language`` as {"section.name": text or plural forms}, and its choice lists."""
    path = resources.files("regionallabor") / "data" / "messages" / f"{language}.toml"
    if not path.is_file():
        return {}, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    choices = data.pop("choices", {})
    messages: dict[str, Entry] = {}
    for name, value in data.items():
        if isinstance(value, dict) and not _is_plural(value):
            messages.update({f"{name}.{sub}": text for sub, text in value.items()})
        else:
            messages[name] = value
    return messages, choices


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def messages(language: str = DEFAULT_LANGUAGE) -> dict[str, Entry]:
    return _catalog(language)[0]


def current_language() -> str:
    return os.environ.get("REGIONALLABOR_LANG", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The message for ``key`` in the current language, with ``values`` filled in.

    A message with plural forms needs ``count``: ``t("critique.points", count=1)`` is „1 Punkt“.
    ``{currency}`` is the team's currency symbol (€, CHF) unless given.
    """
    language = current_language()
    entry = messages(language).get(key) or messages(DEFAULT_LANGUAGE)[key]
    if isinstance(entry, dict):
        form = _locale(language).plural_form(abs(values["count"]))
        entry = entry.get(form, entry["other"])
    if "{currency}" in entry and "currency" not in values:
        values = {**values, "currency": conventions().currency_symbol}
    return entry.format(**values) if values else entry


def section(name: str) -> dict[str, str]:
    """Every message of the catalog section ``name``, by its name inside the section, in the current language."""
    prefix = f"{name}."
    return {key.removeprefix(prefix): t(key) for key in messages(DEFAULT_LANGUAGE) if key.startswith(prefix)}


def choices(name: str) -> dict[str, str]:
    """A choice list – stored key to label, in display order – in the course language."""
    return dict(_catalog(DEFAULT_LANGUAGE)[1][name])


# The choice lists every module uses; their keys are what the workbook stores.
COUNTRIES = choices("countries")
AREA_TYPES = choices("area_types")
WEGGEMEINSCHAFTEN: tuple[str, ...] = tuple(_catalog(DEFAULT_LANGUAGE)[1]["weggemeinschaften"])
SWOT_QUADRANTS = choices("swot_quadrants")
SECTORS = choices("sectors")  # Modul 3: the sectors a team starts with; it may add its own (stored as their label)
ACTOR_TYPES = choices("actor_types")
TEAM_RELATIONS = choices("team_relations")
RELATION_KINDS = choices("relation_kinds")
OUTCOME_STEPS: dict[int, str] = {int(step): text for step, text in choices("outcome_steps").items()}
IMPACT_LEVELS = choices("impact_levels")
CONFERENCE_FORMATS = choices("conference_formats")
SLOT_FORMATS = choices("slot_formats")
ACTION_STATUSES = choices("action_statuses")
ACTION_EFFORTS = choices("action_efforts")
POOL_COSTS = choices("pool_costs")
INVITATION_STATUSES = choices("invitation_statuses")
