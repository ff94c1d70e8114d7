"""What a team takes out of Modul 4: the vision board as a one-page document."""

from __future__ import annotations

from datetime import date

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Region, Zukunftsbild
from regionallabor.core.store import Arbeitsmappe
from regionallabor.dokumente.dokument import Cards, Document, Heading, Paragraph, Table
from regionallabor.dokumente.kopf import stand, team_name
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul4.vision import goals, vision_statements


def vision_document(workbook: Arbeitsmappe, today: date | None = None) -> Document:
    """The one-page vision board: the overall vision, the six fields side by side, the goals."""
    board = vision_statements(workbook)
    region = workbook.get(Region)
    title = (
        t("vision.board_title_region", year=board.horizon_year, region=region.record.name)
        if region and region.record.name
        else t("vision.board_title", year=board.horizon_year)
    )
    document = Document(title, t("export.by_team", team=team_name(workbook)), footer=stand(today))
    return document.add(*vision_blocks(workbook))


def vision_blocks(workbook: Arbeitsmappe) -> list:
    board = vision_statements(workbook)
    overall = board.text(Zukunftsbild.OVERALL)
    blocks: list = [
        Paragraph(overall or t("vision.board_empty_overall"), "lead" if overall else "muted"),
        Cards([(label, board.text(key) or "–") for key, label in ALL_FIELDS.items()], columns=2),
    ]
    goal_list = [s.record for s in goals(workbook)]
    if goal_list:
        blocks.append(Heading(t("vision.board_goals")))
        blocks.append(
            Table(
                [t("export.col.goal"), t("export.col.fields"), t("export.col.first_step"), t("export.col.owner")],
                [
                    [
                        goal.title,
                        ", ".join(ALL_FIELDS[f] for f in goal.handlungsfelder),
                        " – ".join(
                            filter(
                                None,
                                [
                                    goal.first_step,
                                    format_date(goal.first_step_due.isoformat()) if goal.first_step_due else "",
                                ],
                            )
                        ),
                        goal.owner,
                    ]
                    for goal in goal_list
                ],
                [0.28, 0.22, 0.3, 0.2],
            )
        )
    return blocks
