"""Modul 6, tool „Aktionspool“: proven actions to browse, filter and take into the plan."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import ACTION_EFFORTS, POOL_COSTS, t
from regionallabor.core.model import Aktion
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul6.aktionen import actions, adopt, adopted_pool_ids
from regionallabor.modul6.aktionspool import PoolAction, filter_pool, load_pool, pool_by_id
from regionallabor_widgets.base import (
    Pager,
    RowCache,
    WorkbookTool,
    button,
    css,
    field_chip,
    field_options,
    heading,
    html,
    labelled,
    muted,
    short_choices,
    wide,
)


class ActionPool(WorkbookTool):
    """The Aktionspool: search and filter proven actions, adopt one into the plan with a click."""

    SHOWS = (Aktion.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.query = ipw.Text(placeholder=t("pool.search_placeholder"), layout=wide())
        self.field = ipw.Dropdown(
            options=field_options(t("pool.all_fields")), value="", layout=ipw.Layout(width="270px")
        )
        self.effort = ipw.Dropdown(
            options=short_choices(t("pool.any_effort"), ACTION_EFFORTS), value="", layout=ipw.Layout(width="160px")
        )
        self.cost = ipw.Dropdown(
            options=short_choices(t("pool.any_cost"), POOL_COSTS), value="", layout=ipw.Layout(width="190px")
        )
        for control in (self.query, self.field, self.effort, self.cost):
            self.on_value(control, lambda _: self.pager.reset())
        self.count = html()
        self.list = ipw.VBox()
        self.pager = Pager(self, self._show_rows, page_size=8)
        self._rows = RowCache(self._card)
        self.adopted: set[str] = set()
        self.children = [
            heading(t("pool.heading")),
            css(
                ipw.HBox(
                    [
                        labelled(t("pool.search"), self.query, layout=ipw.Layout(flex="2 1 260px")),
                        labelled(t("field.handlungsfeld"), self.field),
                        labelled(t("field.effort"), self.effort),
                        labelled(t("pool.cost"), self.cost),
                    ],
                    layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                ),
                "rl-pool-filters",
            ),
            self.notice,
            self.count,
            self.list,
            self.pager.more,
        ]
        self.start()

    def refresh(self) -> None:
        self.adopted = adopted_pool_ids(actions(self.workbook))
        self._show_rows()

    def found(self) -> list[PoolAction]:
        return filter_pool(self.query.value, self.field.value, self.effort.value, self.cost.value)

    def _show_rows(self) -> None:
        found = self.found()
        total = len(load_pool())
        self.count.value = f"<div class='rl-help'>{escape(t('pool.count', found=len(found), total=total))}</div>"
        visible = self.pager.page(found)
        self.list.children = self._rows.rows(
            [((entry.id, entry.id in self.adopted), (entry,)) for entry in visible]
        ) or [muted(t("pool.nothing_found"))]

    def _card(self, entry: PoolAction) -> ipw.VBox:
        steps = "".join(f"<li>{escape(step)}</li>" for step in entry.erste_schritte)
        body = html(
            f"<div class='rl-pool-head'><span class='rl-member-name'>{escape(entry.titel)}</span>"
            f"{field_chip(entry.handlungsfeld)}"
            f"<span class='rl-tag' title='{escape(t('pool.hours_help'))}'>"
            f"{escape(t('pool.effort_tag', effort=entry.effort_label, hours=entry.hours_range))}</span>"
            f"<span class='rl-tag' title='{escape(t('pool.cost_help'))}'>{escape(entry.cost_range)}</span></div>"
            f"<p class='rl-pool-text'>{escape(entry.beschreibung)}</p>"
            f"<details class='rl-pool-details'><summary>{escape(t('pool.more'))}</summary>"
            f"<div class='rl-label'>{escape(t('pool.who_pays'))}</div><p>{escape(entry.wer_zahlt)}</p>"
            f"<div class='rl-label'>{escape(t('pool.example'))}</div><p>{escape(entry.vorbild)}</p>"
            f"<div class='rl-label'>{escape(t('pool.involved'))}</div><p>{escape(', '.join(entry.beteiligte))}</p>"
            f"<div class='rl-label'>{escape(t('pool.first_steps'))}</div><ol>{steps}</ol>"
            f"<div class='rl-label'>{escape(t('pool.format'))}</div><p>{escape(entry.format)}</p></details>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        if entry.id in self.adopted:
            action = css(
                html(f"<span class='rl-tag rl-tag-done'>✓ {escape(t('pool.in_plan'))}</span>"), "rl-pool-adopted"
            )
        else:
            action = button(t("pool.adopt"), "primary", tooltip=t("pool.adopt_tooltip", title=entry.titel))
            self.on_click(action, lambda: self.adopt(entry.id))
        return css(ipw.HBox([body, action]), "rl-member", "rl-pool-card")

    def adopt(self, pool_id: str) -> Stored[Aktion] | None:
        entry = pool_by_id()[pool_id]
        try:
            stored = adopt(self.workbook, entry)
        except WorkbookError as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.show("success", t("pool.adopted", title=entry.titel))
        self.refresh()
        return stored
