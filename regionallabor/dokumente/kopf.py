"""What every printed document shows around its content: who made it, and when."""

from __future__ import annotations

from datetime import date

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Team
from regionallabor.core.store import Arbeitsmappe


def team_name(workbook: Arbeitsmappe) -> str:
    """The team's name, or „Unser Regional-Team“ while it has none."""
    stored = workbook.get(Team)
    return stored.record.name if stored and stored.record.name else t("export.our_team")


def stand(today: date | None = None) -> str:
    """„Stand: 1. Dezember 2026“ – a document's footer."""
    return t("export.stand", date=format_date((today or date.today()).isoformat()))
