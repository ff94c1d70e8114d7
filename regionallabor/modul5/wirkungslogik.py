"""Modul 5's Wirkungslogik: Input → Output → Outcome → Impact for each goal, and a check of the chain.

The levels follow PHINEO's Wirkungstreppe: Input is what goes in; Output is what the project delivers
and whether it is taken up (steps 1–3: activities happen, target groups are reached and satisfied);
Outcome is change in the target groups (4 knowledge and attitudes, 5 behaviour, 6 life situation);
Impact is change in the region beyond them (7). Effects in the narrow sense start at step 4.

The check catches the three mistakes practitioners make most: activities written where effects
belong, satisfaction or attendance taken for an effect, and goals without an indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regionallabor.core.messages import IMPACT_LEVELS, t
from regionallabor.core.model import Wirkungslogik, Ziel
from regionallabor.core.store import Arbeitsmappe, Stored, WorkbookError

EFFECT_LEVELS = ("outcome", "impact")

# Word stems that mark an activity (Output) rather than a change in people or the region.
ACTIVITY_WORDS = re.compile(
    r"\b(workshops?|veranstaltung\w*|veranstalten|organisier\w*|durchführ\w*|führen\b.*\bdurch|anbieten|bieten\b.*\ban"
    r"|flyer\w*|infoabend\w*|informationsabend\w*|vortr(a|ä)g\w*|kurse?\b|seminar\w*|exkursion\w*|aktionstag\w*"
    r"|broschüre\w*|webseite\w*|website\w*|newsletter\w*|findet\b.*\bstatt|finden\b.*\bstatt|wir (machen|planen|bauen"
    r"|starten|gründen|laden))",
    re.IGNORECASE,
)
# Satisfaction and attendance are step 3 of the Wirkungstreppe: still Output, not yet an effect.
UPTAKE_WORDS = re.compile(
    r"\b(zufrieden\w*|teilgenommen|nehmen\b.*\bteil|teilnehmen|teilnehmende\w*|teilnehmer\w*|besucht|besucher\w*"
    r"|gefällt|gefallen|gut angekommen|positiv bewertet|feedback\w*)",
    re.IGNORECASE,
)


class LogicRuleError(WorkbookError):
    """A change to a Wirkungslogik the rules refuse (its goal is gone)."""


@dataclass(frozen=True)
class Finding:
    """One result of the check: which level it is about, how serious (error, warning, ok), what to do."""

    level: str  # a key of IMPACT_LEVELS, or "indicators"
    severity: str  # "error": the chain is incomplete; "warning": probably a mix-up; "ok"
    message: str


def check_logic(logic: Wirkungslogik | None) -> list[Finding]:
    """Missing steps, activities or uptake where effects belong, missing indicators – or that all is well."""
    logic = logic or Wirkungslogik(id="neu")
    findings: list[Finding] = []
    for level, label in IMPACT_LEVELS.items():
        text = getattr(logic, level)
        if not text:
            findings.append(Finding(level, "error", t(f"logic.missing.{level}")))
            continue
        if level not in EFFECT_LEVELS:
            continue
        activity = ACTIVITY_WORDS.search(text)
        uptake = UPTAKE_WORDS.search(text)
        if activity:
            findings.append(Finding(level, "warning", t("logic.activity", level=label, word=activity.group(0))))
        elif uptake:
            findings.append(Finding(level, "warning", t("logic.uptake", level=label, word=uptake.group(0))))
    if not logic.indicators:
        findings.append(Finding("indicators", "error", t("logic.no_indicator")))
    else:
        if not any(i.level in EFFECT_LEVELS for i in logic.indicators):
            findings.append(Finding("indicators", "warning", t("logic.only_output_indicators")))
        unnoticed = [i.text for i in logic.indicators if not i.noticed_by]
        if unnoticed:
            findings.append(Finding("indicators", "warning", t("logic.not_noticed", names=", ".join(unnoticed))))
    if not findings:
        findings.append(Finding("all", "ok", t("logic.complete")))
    return findings


def is_complete(logic: Wirkungslogik | None) -> bool:
    """All four levels filled and at least one indicator – the Selbstcheck's measure."""
    return not any(f.severity == "error" for f in check_logic(logic))


def logics(workbook: Arbeitsmappe) -> dict[str, Stored[Wirkungslogik]]:
    """The stored Wirkungslogiken by goal id."""
    return {s.record.id: s for s in workbook.list(Wirkungslogik)}


def save_logic(workbook: Arbeitsmappe, logic: Wirkungslogik, version: int | None) -> Stored[Wirkungslogik]:
    """Keep a goal's Wirkungslogik; refused if the goal was removed meanwhile."""
    with workbook.transaction() as tx:
        if workbook.get(Ziel, logic.id) is None:
            raise LogicRuleError(t("logic.goal_gone"))
        return tx.add(logic) if version is None else tx.update(logic, version)
