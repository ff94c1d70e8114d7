"""The Regionalprofil's sections, one per part of the course: team, region, Handlungsfelder, network, vision, Wirkungslogik, conference, actions."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import replace
from datetime import date

from regionallabor import refdata
from regionallabor.core.formatting import (
    format_date,
    format_decimal,
    format_figure,
    format_indicator,
    format_int,
    format_money,
    german_list,
)
from regionallabor.core.messages import ACTION_STATUSES, INVITATION_STATUSES, SWOT_QUADRANTS, t
from regionallabor.core.model import Budgetposten, Einladung, Herausforderung, Kennzahl, Member, Region, Schatz
from regionallabor.core.store import Arbeitsmappe
from regionallabor.dokumente.dokument import Cards, Figure, Heading, Paragraph, Table
from regionallabor.dokumente.karte import region_map_chart
from regionallabor.dokumente.statistik import radar_chart
from regionallabor.dokumente.zeitplan import timeline_chart, timeline_html
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul1.region import region_figures, region_map, region_map_content
from regionallabor.modul2.bestandsaufnahme import rating_values, ratings, swot_board
from regionallabor.modul2.kennzahlen import region_profile
from regionallabor.modul3.beziehungsnetz import Network
from regionallabor.modul4.vision import goals
from regionallabor.modul4.zukunftsbild import vision_blocks
from regionallabor.modul5.konferenz import budget_totals, conference, topic_tables
from regionallabor.modul5.konferenzdateien import conference_subtitle, conference_title, programme_blocks
from regionallabor.modul5.wirkungslogik import logics
from regionallabor.modul6.aktionen import actions, is_overdue, progress_by_goal, progress_of, timeline_bars

TIMELINE_LIMIT = 40  # rows in the report's timeline; the table below it lists every action


FOR_PRINT: ContextVar[bool] = ContextVar("for_print", default=True)


def empty_note(key: str) -> Paragraph:
    return Paragraph(t(key), "muted")


def team_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.team"))]
    members = [s.record for s in workbook.list(Member)]
    if not members:
        return blocks + [empty_note("profile.team_empty")]
    stored_region = workbook.get(Region)
    weg = stored_region.record.weggemeinschaft if stored_region else None
    blocks.append(
        Paragraph(
            t("profile.team_text", count=len(members)) + (" " + t("profile.weggemeinschaft", name=weg) if weg else "")
        )
    )
    blocks.append(
        Table(
            [t("field.name"), t("field.role"), t("field.organisation")],
            [
                [m.name + (f" ({t('profile.main_contact')})" if m.is_main_contact else ""), m.role, m.organisation]
                for m in members
            ],
            [0.34, 0.3, 0.36],
        )
    )
    return blocks


def region_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.region"))]
    stored = workbook.get(Region)
    if stored is None or not (stored.record.area_ids or stored.record.own_figures):
        return blocks + [empty_note("profile.region_empty")]
    region = stored.record
    figures = region_figures(region)
    rows = []
    if figures.population is not None:
        rows.append([t("region.population"), format_int(figures.population)])
    if figures.area_km2 is not None:
        rows.append([t("region.area"), f"{format_decimal(figures.area_km2)} km²"])
    if figures.density is not None:
        rows.append([t("region.density"), format_int(figures.density)])
    map_figure = region_map_figure(region)
    if map_figure is not None:
        blocks.append(map_figure)
    if rows:
        blocks.append(Table([t("profile.figure"), t("profile.value")], rows, [0.5, 0.5]))
        blocks.append(
            Paragraph(
                f"Stand {figures.stand} · Quelle: {'; '.join(figures.sources)}"
                if figures.stand
                else f"Quelle: {'; '.join(figures.sources)}",
                "muted",
            )
        )
    profile = region_profile(region)
    if profile.comparisons:
        blocks.append(
            Table(
                [t("profile.figure"), t("profile.our_region"), t("profile.median"), t("profile.comparison")],
                [
                    [
                        c.indicator.label,
                        format_indicator(c.indicator.value, c.indicator.unit, c.indicator.key),
                        format_indicator(c.median, c.indicator.unit, c.indicator.key),
                        c.sentence_as(t("profile.our_region_subject")),
                    ]
                    for c in profile.comparisons
                ],
                [0.26, 0.16, 0.16, 0.42],
            )
        )
    own = [s.record for s in workbook.list(Kennzahl)]
    if own:
        blocks.append(
            Table(
                [t("profile.own_figure"), t("profile.value"), t("field.year"), t("field.source")],
                [[k.name, format_figure(k.value, k.unit), str(k.year), k.source] for k in own],
                [0.35, 0.2, 0.1, 0.35],
            )
        )
    return blocks


def region_map_figure(region: Region) -> Figure | None:
    """Modul 1's map for the HTML; matplotlib draws the same map for the PDF only."""
    areas = [a for a in (refdata.area(i) for i in region.area_ids) if a is not None]
    title = t("profile.map_title", region=region.name)
    shape = refdata.region_shape(areas)
    markup = region_map(areas, title, shape)
    if markup is None:
        return None
    chart = None
    if FOR_PRINT.get():
        chart = region_map_chart(region_map_content(areas, shape), title, png=True)
    attribution = "; ".join(dict.fromkeys(refdata.ATTRIBUTION[a.country]["boundaries"] for a in areas))
    caption = t("profile.map_caption", attribution=attribution)
    if shape.points:
        caption = t("profile.map_points") + " " + caption
    return Figure(markup, chart.png if chart else None, chart.aspect if chart else 0, caption, width=0.8)


def fields_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.fields"))]
    stored = ratings(workbook)
    rounds = rating_values(stored)
    rated = any(value for round_ in rounds.values() for value in round_.values())
    if rated:
        chart = radar_chart(rounds, png=FOR_PRINT.get())
        blocks.append(Figure(chart.svg, chart.png, chart.aspect, t("profile.radar_caption"), width=0.6))
        latest = {
            key: next(
                (stored[n][key].record for n in (2, 1) if key in stored.get(n, {}) and stored[n][key].record.rating),
                None,
            )
            for key in ALL_FIELDS
        }
        blocks.append(
            Table(
                [t("field.handlungsfeld"), t("field.rating"), t("field.notes")],
                [
                    [
                        label,
                        f"{latest[key].rating} von 5" if latest[key] else "–",
                        latest[key].notes if latest[key] else "",
                    ]
                    for key, label in ALL_FIELDS.items()
                ],
                [0.3, 0.14, 0.56],
            )
        )
    else:
        blocks.append(empty_note("profile.fields_empty"))  # the ratings; Schätze, SWOT and challenges may follow
    schaetze = [s.record for s in workbook.list(Schatz)]
    if schaetze:
        blocks.append(
            Paragraph(
                t("profile.schaetze", count=len(schaetze), names=german_list([s.name for s in schaetze[:8]]))
                + (" …" if len(schaetze) > 8 else "")
            )
        )
    board = swot_board(workbook)
    if any(board.values()):
        blocks.append(
            Cards(
                [
                    (label, "\n".join(f"• {s.record.text}" for s in board[key]) or "–")
                    for key, label in SWOT_QUADRANTS.items()
                ],
                columns=2,
            )
        )
    challenges = sorted(
        (s.record for s in workbook.list(Herausforderung)), key=lambda c: list(ALL_FIELDS).index(c.field)
    )
    if challenges:
        blocks.append(
            Table(
                [t("field.handlungsfeld"), t("profile.challenge")],
                [[ALL_FIELDS[c.field], c.text] for c in challenges],
                [0.3, 0.7],
            )
        )
    return blocks


def network_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.network"))]
    if not network.actors:
        return blocks + [empty_note("profile.network_empty")]
    from regionallabor.modul3.netzanalyse import analyse  # networkx and numpy: only for a profile with a network

    analysis = analyse(network)
    blocks.append(
        Paragraph(
            t(
                "profile.network_text",
                actors=len(network.actors),
                relations=len(network.relations),
                isolated=len(analysis.isolated),
            )
        )
    )
    by_sector: dict[str, int] = {}
    for actor in network.actors:
        by_sector[actor.sector_label] = by_sector.get(actor.sector_label, 0) + 1
    blocks.append(
        Table(
            [t("field.sector"), t("profile.actor_count")],
            [[sector, format_int(count)] for sector, count in sorted(by_sector.items(), key=lambda i: -i[1])],
            [0.6, 0.4],
        )
    )
    if analysis.bridges:
        blocks.append(
            Paragraph(
                t(
                    "profile.bridges",
                    names=german_list([f"{scrub(b.actor.name)} ({b.actor.sector_label})" for b in analysis.bridges]),
                )
            )
        )
    gaps = [
        f"{ALL_FIELDS[field]}: {german_list(sectors)}"
        for field, sectors in analysis.gaps.missing_by_field().items()
        if sectors
    ]
    if gaps:
        blocks.append(Paragraph(t("profile.gaps") + "\n" + "\n".join(f"• {gap}" for gap in gaps), "muted"))
    return blocks


def vision_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    return [Heading(t("profile.vision")), *vision_blocks(workbook)]


def logic_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.logic"))]
    stored_logics = logics(workbook)
    goal_list = [s.record for s in goals(workbook) if s.record.id in stored_logics]
    if not goal_list:
        return blocks + [empty_note("profile.logic_empty")]
    for goal in goal_list:
        logic = stored_logics[goal.id].record
        rows = [
            [label, getattr(logic, key) or "–"]
            for key, label in (("input", "Input"), ("output", "Output"), ("outcome", "Outcome"), ("impact", "Impact"))
        ]
        if logic.indicators:
            rows.append(
                [
                    t("profile.indicators"),
                    "\n".join(f"• {i.text}" + (f" – {i.noticed_by}" if i.noticed_by else "") for i in logic.indicators),
                ]
            )
        blocks += [
            Paragraph(goal.title, "lead"),
            Table([t("profile.level"), t("profile.description")], rows, [0.18, 0.82]),
        ]
    return blocks


def conference_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.conference"))]
    stored = conference(workbook)
    record = stored.record if stored else None
    if record is None:
        return blocks + [empty_note("profile.conference_empty")]
    details = conference_subtitle(record, "")
    blocks.append(Paragraph(f"{conference_title(record)}{' – ' + details if details else ''}", "lead"))
    blocks += programme_blocks(workbook, record)
    tables = [s.record for s in topic_tables(workbook)]
    if tables:
        blocks.append(
            Table(
                [t("profile.table"), t("field.handlungsfeld"), t("field.host")],
                [[table.title, ALL_FIELDS[table.field], table.host] for table in tables],
                [0.45, 0.3, 0.25],
            )
        )
    invitations = [s.record for s in workbook.list(Einladung)]
    if invitations:
        counts = {status: sum(1 for i in invitations if i.status == status) for status in INVITATION_STATUSES}
        blocks.append(
            Paragraph(
                t(
                    "profile.invitations",
                    count=len(invitations),
                    summary=", ".join(
                        f"{count} {INVITATION_STATUSES[status]}" for status, count in counts.items() if count
                    ),
                )
            )
        )
    lines = [s.record for s in workbook.list(Budgetposten)]
    if lines:
        totals = budget_totals(lines)
        income = [line.title for line in lines if line.kind == "einnahme"]
        text = t("profile.budget", costs=format_money(totals.planned), income=format_money(totals.income_planned))
        if income:
            text += f" ({german_list(income)})"
        text += "."
        if totals.gap > 0:
            text += " " + t("budget.gap", amount=format_money(totals.gap))
        blocks.append(Paragraph(text))
    return blocks


def action_section(workbook: Arbeitsmappe, network: Network, today: date, scrub) -> list:
    blocks: list = [Heading(t("profile.actions"))]
    action_list = [s.record for s in actions(workbook)]
    if not action_list:
        return blocks + [empty_note("profile.actions_empty")]
    goal_list = [s.record for s in goals(workbook)]
    rollups = progress_by_goal(action_list, goal_list)
    blocks.append(
        Table(
            [t("export.col.goal"), t("profile.action_count"), t("profile.done_count"), t("profile.progress")],
            [[r.label, str(r.actions), str(r.done), f"{r.percent} %"] for r in rollups],
            [0.52, 0.16, 0.16, 0.16],
        )
    )
    bars = timeline_bars(action_list, today)
    if bars:
        shown = bars[:TIMELINE_LIMIT]
        shown = [replace(b, label=scrub(b.label)) for b in shown]
        # the HTML timeline of Modul 6's page; matplotlib only for the PDF's picture
        chart = timeline_chart(shown, today, png=True) if FOR_PRINT.get() else None
        caption = t("profile.timeline_caption")
        if len(bars) > len(shown):
            caption += " " + t("profile.timeline_more", count=len(bars) - len(shown))
        blocks.append(
            Figure(timeline_html(shown, today), chart.png if chart else None, chart.aspect if chart else 0, caption)
        )
    goal_titles = {g.id: g.title for g in goal_list}
    names = network.by_id
    rows = []
    for action in action_list:
        partners = [names[p].name for p in action.partner_ids if p in names]
        span = " – ".join(format_date(d.isoformat()) for d in (action.starts_on, action.due) if d)
        status = ACTION_STATUSES[action.status] + (f" ({progress_of(action)} %)" if action.status == "laeuft" else "")
        if is_overdue(action, today):
            status += " · " + t("tasks.overdue")
        rows.append(
            [
                action.title + (f"\n{goal_titles[action.goal_id]}" if action.goal_id in goal_titles else ""),
                ALL_FIELDS[action.field],
                action.responsible + (f"\nmit {', '.join(partners)}" if partners else ""),
                span,
                status,
            ]
        )
    blocks.append(
        Table(
            [t("profile.action"), t("field.handlungsfeld"), t("profile.who"), t("profile.when"), t("field.status")],
            rows,
            [0.28, 0.19, 0.22, 0.16, 0.15],
            frozenset(i for i, a in enumerate(action_list) if a.status == "erledigt"),
        )
    )
    return blocks


PROFILE_SECTIONS = (
    team_section,
    region_section,
    fields_section,
    network_section,
    vision_section,
    logic_section,
    conference_section,
    action_section,
)


MODULE_SECTIONS = {
    1: (team_section, region_section),
    2: (region_section, fields_section),
    3: (network_section,),
    4: (vision_section,),
    5: (logic_section, conference_section),
    6: (action_section,),
}
