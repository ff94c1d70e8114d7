"""German messages for validation errors: one sentence per problem, naming the field as the form does."""

from __future__ import annotations

import logging

from pydantic import ValidationError

from regionallabor.core.messages import t

log = logging.getLogger(__name__)

FIELD_LABELS = {
    "name": "field.name",
    "role": "field.role",
    "organisation": "field.organisation",
    "email": "field.email",
    "population": "field.population",
    "area_km2": "field.area_km2",
    "year": "field.year",
    "source": "field.source",
    "why": "field.why",
    "value": "field.value",
    "unit": "field.unit",
    "rating": "field.rating",
    "notes": "field.notes",
    "field": "field.handlungsfeld",
    "description": "field.description",
    "contact": "field.contact",
    "link": "field.link",
    "text": "field.text",
    "quadrant": "field.quadrant",
    "type": "field.actor_type",
    "sector": "field.sector",
    "handlungsfelder": "field.handlungsfelder",
    "influence": "field.influence",
    "engagement": "field.engagement",
    "place": "field.place",
    "team_relation": "field.team_relation",
    "source_id": "field.source_actor",
    "target_id": "field.target_actor",
    "kind": "field.relation_kind",
    "strength": "field.strength",
    "note": "field.note",
    "actor_id": "field.actor",
    "held_on": "field.held_on",
    "team_people": "field.team_people",
    "learned": "field.learned",
    "next_step": "field.next_step",
    "due": "field.due",
    "points": "field.points",
    "title": "field.title",
    "owner": "field.owner",
    "first_step": "field.first_step",
    "first_step_due": "field.first_step_due",
    "horizon_year": "field.horizon_year",
    "input": "field.input",
    "output": "field.output",
    "outcome": "field.outcome",
    "impact": "field.impact",
    "noticed_by": "field.noticed_by",
    "format": "field.format",
    "starts_on": "field.starts_on",
    "days": "field.days",
    "venue": "field.venue",
    "expected_people": "field.expected_people",
    "people": "field.people",
    "day": "field.day",
    "start": "field.start",
    "end": "field.end",
    "responsible": "field.responsible",
    "host": "field.host",
    "status": "field.status",
    "planned": "field.planned",
    "actual": "field.actual",
    "progress": "field.progress",
    "effort": "field.effort",
    "cost": "field.cost",
    "partner_ids": "field.partners",
    "phase": "field.phase",
    "achievements": "field.achievements",
    "next_steps": "field.next_steps",
    "support": "field.support",
}

# Numbers with a lower and an upper bound get one message naming both.
RANGES = {
    "year": (1950, 2100),
    "rating": (1, 5),
    "influence": (1, 5),
    "engagement": (1, 5),
    "strength": (1, 3),
    "horizon_year": (2026, 2100),
    "days": (1, 3),
    "day": (1, 3),
    "points": (0, 99),
    "expected_people": (1, 5000),
    "people": (1, 500),
    "progress": (0, 100),
}


def _field_label(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part in FIELD_LABELS:
            return t(FIELD_LABELS[part])
    return ".".join(str(p) for p in loc) or "Eingabe"


def explain(error: ValidationError) -> str:
    """One German sentence per problem in ``error``, for showing to a team."""
    sentences = []
    for problem in error.errors():
        field = _field_label(problem["loc"])
        kind = problem["type"]
        ctx = problem.get("ctx", {})
        if kind in ("string_too_short", "missing") or (kind.endswith("_type") and problem.get("input") is None):
            sentences.append(t("invalid.empty", field=field))
        elif kind == "string_too_long":
            sentences.append(t("invalid.too_long", field=field, max=ctx.get("max_length")))
        elif kind == "email":
            sentences.append(t("invalid.email", field=field, value=ctx.get("value", "")))
        elif kind == "url":
            sentences.append(t("invalid.url", field=field, value=ctx.get("value", "")))
        elif kind in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float", "finite_number"):
            sentences.append(t("invalid.number", field=field))
        elif kind in ("greater_than_equal", "less_than_equal") and problem["loc"][-1] in RANGES:
            low, high = RANGES[problem["loc"][-1]]
            sentences.append(t("invalid.range", field=field, min=low, max=high))
        elif kind == "greater_than_equal":
            sentences.append(t("invalid.not_negative", field=field))
        elif kind == "greater_than":
            sentences.append(t("invalid.positive", field=field))
        elif kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
            sentences.append(t("invalid.date", field=field))
        elif kind in ("time_parsing", "time_type"):
            sentences.append(t("invalid.time", field=field))
        elif kind == "too_short":
            sentences.append(t("invalid.choose_one", field=field))
        elif kind == "end_before_start":
            sentences.append(t("invalid.end_before_start"))
        elif kind == "due_before_start":
            sentences.append(t("invalid.due_before_start"))
        elif kind == "self_relation":
            sentences.append(t("invalid.self_relation"))
        elif kind in ("literal_error", "enum"):
            sentences.append(t("invalid.choice", field=field))
        elif kind in ("bool_parsing", "bool_type"):
            sentences.append(t("invalid.yes_no", field=field))
        elif kind == "extra_forbidden":
            sentences.append(t("invalid.unknown_field", field=field))
        elif kind.endswith("_type"):
            sentences.append(t("invalid.wrong_type", field=field))
        else:  # pydantic's own words are English: they go to the log, the team reads German
            log.info("validation problem without a German message: %s %s", kind, problem["msg"])
            sentences.append(t("invalid.generic", field=field))
    return " ".join(dict.fromkeys(sentences))
