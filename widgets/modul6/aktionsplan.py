"""Modul 6, tool „Aktionsplan“: the team's actions with goal, table, partners, owner, status and dates."""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_amount, format_date, format_money, german_list, parse_amount
from regionallabor.core.messages import ACTION_EFFORTS, ACTION_STATUSES, t
from regionallabor.core.model import Aktion, Member, Thementisch, Ziel
from regionallabor.core.store import Stored
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.modul6.aktionen import (
    ActionRuleError,
    actions,
    is_overdue,
    partner_ids_for,
    plan_summary,
    progress_of,
    save_action,
)
from regionallabor.richtwerte import ACTIONS_PER_PERSON
from regionallabor_widgets.base import (
    DateField,
    Pager,
    RecordListTool,
    RowCache,
    ShownOrder,
    button,
    css,
    field_chip,
    field_options,
    heading,
    html,
    labelled,
    muted,
    offer,
    offer_members,
    person_field,
    short_choices,
    wide,
)
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS


class ActionPlan(RecordListTool):
    """The team's actions with goal, field, owner, partners, dates, status and progress; overdue ones stand out."""

    MODEL = Aktion
    SHOWS = (Aktion.KIND, Ziel.KIND, Thementisch.KIND, Member.KIND, *NETWORK_KINDS)

    def __init__(self, workbook, today: date | None = None, **kwargs):
        super().__init__(workbook, t("actions.add"), **kwargs)
        self.today = today
        self.title = ipw.Text(placeholder=t("actions.title_placeholder"), layout=wide())
        self.field = ipw.Dropdown(options=field_options(), layout=ipw.Layout(width="270px"))
        self.goal = ipw.Dropdown(options=[(t("actions.no_goal"), "")], value="", layout=wide())
        self.table = ipw.Dropdown(options=[(t("actions.no_table"), "")], value="", layout=wide())
        self.responsible = person_field(t("actions.responsible_placeholder"), wide())
        self.partners = ipw.TagsInput(
            allowed_tags=[], allow_duplicates=False, placeholder=t("actions.partners_placeholder"), layout=wide()
        )
        self.starts_on = DateField(layout=ipw.Layout(width="170px"))
        self.due = DateField(layout=ipw.Layout(width="170px"))
        self.status = ipw.Dropdown(
            options=[(label, key) for key, label in ACTION_STATUSES.items()],
            value="idee",
            layout=ipw.Layout(width="150px"),
        )
        self.progress = ipw.IntSlider(
            value=0, min=0, max=100, step=10, readout_format="d", layout=ipw.Layout(width="260px")
        )
        self.effort = ipw.Dropdown(
            options=short_choices(t("actions.effort_open"), ACTION_EFFORTS), value="", layout=ipw.Layout(width="170px")
        )
        self.cost = ipw.Text(placeholder="0", layout=ipw.Layout(width="140px"))
        self.description = ipw.Textarea(
            placeholder=t("actions.description_placeholder"), layout=ipw.Layout(width="100%", height="90px")
        )
        self.status_filter = ipw.Dropdown(
            options=[(t("actions.all_statuses"), ""), (t("actions.overdue_only"), "overdue")]
            + [(label, key) for key, label in ACTION_STATUSES.items()],
            value="",
            layout=ipw.Layout(width="200px"),
        )
        self.field_filter = ipw.Dropdown(
            options=field_options(t("pool.all_fields")), value="", layout=ipw.Layout(width="270px")
        )
        for control in (self.status_filter, self.field_filter):
            self.on_value(control, lambda _: self.sort_again())
        self.order = ShownOrder()
        self.sort_button = button(t("actions.sort_again"), "quiet")
        self.on_click(self.sort_button, self.sort_again)
        self.pager = Pager(self, self._show_rows, page_size=15)
        self._rows = RowCache(self._row)
        self.summary = html()
        self.stored_actions: list[Stored[Aktion]] = []
        self.goal_titles: dict[str, str] = {}
        self.table_titles: dict[str, str] = {}
        row = lambda *items: ipw.HBox(list(items), layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"))
        self.children = [
            heading(t("actions.heading")),
            self.form_area(
                css(
                    ipw.VBox(
                        [
                            self.form_title,
                            row(
                                labelled(t("actions.title_label"), self.title, layout=ipw.Layout(flex="2 1 320px")),
                                labelled(t("field.handlungsfeld"), self.field),
                            ),
                            row(
                                labelled(t("actions.goal_label"), self.goal, layout=ipw.Layout(flex="1 1 300px")),
                                labelled(t("actions.table_label"), self.table, layout=ipw.Layout(flex="1 1 300px")),
                            ),
                            row(
                                labelled(
                                    t("actions.responsible_label"),
                                    self.responsible,
                                    layout=ipw.Layout(flex="1 1 220px"),
                                ),
                                labelled(
                                    t("actions.partners_label"),
                                    self.partners,
                                    t("actions.partners_help"),
                                    layout=ipw.Layout(flex="2 1 380px"),
                                ),
                            ),
                            row(
                                labelled(t("actions.start_label"), self.starts_on),
                                labelled(t("actions.due_label"), self.due),
                                labelled(t("field.status"), self.status),
                                labelled(t("field.progress"), self.progress),
                            ),
                            row(labelled(t("field.effort"), self.effort), labelled(t("field.cost"), self.cost)),
                            labelled(t("field.description"), self.description),
                            self.buttons,
                        ]
                    ),
                    "rl-form",
                    "rl-action-form",
                )
            ),
            self.notice,
            self.summary,
            css(
                ipw.HBox(
                    [
                        labelled(t("actions.filter_status"), self.status_filter),
                        labelled(t("actions.filter_field"), self.field_filter),
                    ],
                    layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                ),
                "rl-action-filters",
            ),
            self.sort_button,
            self.list,
            self.pager.more,
        ]
        self.clear()
        self.start()

    def _today(self) -> date:
        return self.today or date.today()

    # the form's choices come from the other modules

    def refresh(self) -> None:
        self.network = load_network(self.workbook)
        goal_list = [s.record for s in self.workbook.list(Ziel)]
        tables = [s.record for s in self.workbook.list(Thementisch)]
        self.goal_titles = {g.id: g.title for g in goal_list}
        self.table_titles = {table.id: table.title for table in tables}
        offer(self.goal, [(t("actions.no_goal"), "")] + [(g.title, g.id) for g in goal_list])
        offer(self.table, [(t("actions.no_table"), "")] + [(table.title, table.id) for table in tables])
        offer_members(self.responsible, self.workbook)
        names = self.network.names()
        if list(self.partners.allowed_tags) != names:
            self.partners.allowed_tags = names
        self.stored_actions = actions(self.workbook)
        self._show_rows()
        self.show_extra(self.stored_actions)

    def _show_rows(self) -> None:
        today = self._today()
        wanted, field = self.status_filter.value, self.field_filter.value
        found = [
            s
            for s in self.stored_actions
            if (not field or s.record.field == field)
            and (not wanted or (is_overdue(s.record, today) if wanted == "overdue" else s.record.status == wanted))
        ]
        visible = self.pager.page(self.order.arrange(found))
        self.sort_button.layout.display = "" if self.order.differs else "none"
        rows = self._rows.rows([((s.record.id, s.version, is_overdue(s.record, today)), (s,)) for s in visible])
        if rows:
            self.show_list(rows)
        else:
            self.show_list([muted(self.empty_text() if not self.stored_actions else t("actions.none_match"))])

    def sort_again(self) -> None:
        """The list in its own order again: by due date, then title."""
        self.order.forget()
        self.pager.reset()

    def empty_text(self) -> str:
        return t("actions.empty")

    def show_extra(self, records: list[Stored[Aktion]]) -> None:
        if not records:
            self.summary.value = ""
            return
        summary = plan_summary([s.record for s in records], self._today())
        parts = " · ".join(
            f"<span class='rl-status-count rl-action-{key}{'' if count else ' rl-count-zero'}'>"
            f"{escape(ACTION_STATUSES[key])}: {count}</span>"
            for key, count in summary.by_status.items()
        )
        warnings = []
        if summary.overdue:
            warnings.append(
                f"<span class='rl-tag rl-tag-overdue'>{escape(t('actions.overdue_count', count=summary.overdue))}</span>"
            )
        if summary.without_owner:
            warnings.append(
                f"<span class='rl-tag'>{escape(t('actions.without_owner', count=summary.without_owner))}</span>"
            )
        if summary.without_due:
            warnings.append(
                f"<span class='rl-tag'>{escape(t('actions.without_due', count=summary.without_due))}</span>"
            )
        if summary.overloaded:
            text = t(
                "actions.overloaded",
                count=len(summary.overloaded),
                names=german_list(list(summary.overloaded)),
                most=ACTIONS_PER_PERSON,
            )
            warnings.append(f"<span class='rl-tag rl-tag-overdue'>{escape(text)}</span>")
        self.summary.value = (
            f"<div class='rl-invite-summary'><strong>{len(records)}</strong> "
            f"{escape(t('actions.in_plan', count=len(records)))} · {parts} {''.join(warnings)}</div>"
        )

    # rows

    def row_controls(self, stored: Stored[Aktion]) -> list[ipw.Widget]:
        status = ipw.Dropdown(
            options=[(label, key) for key, label in ACTION_STATUSES.items()],
            value=stored.record.status,
            layout=ipw.Layout(width="130px"),
            tooltip=t("field.status"),
        )
        self.on_value(status, lambda new: self.set_status(stored, new))
        return [status]

    def row_classes(self, stored: Stored[Aktion]) -> tuple[str, ...]:
        classes = (f"rl-action-row-{stored.record.status}",)
        return classes + (("rl-task-overdue",) if is_overdue(stored.record, self._today()) else ())

    def row_html(self, stored: Stored[Aktion]) -> str:
        action = stored.record
        tags = field_chip(action.field)
        if is_overdue(action, self._today()):
            tags += f"<span class='rl-tag rl-tag-overdue'>{escape(t('tasks.overdue'))}</span>"
        meta = [t("tasks.by", name=action.responsible) if action.responsible else t("tasks.nobody")]
        partners = [self.network.by_id[p].name for p in action.partner_ids if p in self.network.by_id]
        if partners:
            meta.append(t("actions.with", names=", ".join(partners)))
        span = " – ".join(format_date(d.isoformat()) for d in (action.starts_on, action.due) if d)
        if action.due and not action.starts_on:
            span = t("actions.until", date=span)
        meta.append(span or t("actions.no_date"))
        links = []
        if action.goal_id in self.goal_titles:
            links.append(t("actions.for_goal", title=self.goal_titles[action.goal_id]))
        if action.table_id in self.table_titles:
            links.append(t("actions.from_table", title=self.table_titles[action.table_id]))
        if action.cost is not None:
            links.append(format_money(action.cost))
        percent = progress_of(action)
        bar = (
            f"<div class='rl-progress' title='{percent} %'><span style='width:{percent}%'></span></div>"
            f"<span class='rl-progress-label'>{percent} %</span>"
        )
        return (
            f"<div><span class='rl-member-name'>{escape(action.title)}</span>{tags}"
            f"<div class='rl-member-meta'>{escape(' · '.join(meta))}</div>"
            + (f"<div class='rl-member-meta'>{escape(' · '.join(links))}</div>" if links else "")
            + f"<div class='rl-progress-row'>{bar}</div></div>"
        )

    def set_status(self, stored: Stored[Aktion], status: str) -> None:
        if status == stored.record.status:
            return
        if self.change(stored, status=status) is not None:
            self.notice.show(
                "success", t("actions.status_saved", title=stored.record.title, status=ACTION_STATUSES[status])
            )
            self.refresh()

    # the form

    def write(self, record: Aktion, version: int | None) -> Stored[Aktion]:
        return save_action(self.workbook, record, version)

    def form_values(self) -> dict:
        try:
            cost = parse_amount(self.cost.value)
        except ValueError:
            raise ActionRuleError(t("budget.not_an_amount", field=t("field.cost"), value=self.cost.value)) from None
        return {
            "title": self.title.value,
            "field": self.field.value,
            "goal_id": self.goal.value or None,
            "table_id": self.table.value or None,
            "responsible": self.responsible.value,
            "partner_ids": partner_ids_for(self.network, list(self.partners.value)),
            "starts_on": self.starts_on.value,
            "due": self.due.value,
            "status": self.status.value,
            "progress": self.progress.value,
            "effort": self.effort.value or None,
            "cost": cost,
            "description": self.description.value,
        }

    def load_form(self, action: Aktion) -> None:
        self.title.value, self.field.value = action.title, action.field
        self.goal.value = action.goal_id if action.goal_id in self.goal_titles else ""
        self.table.value = action.table_id if action.table_id in self.table_titles else ""
        self.responsible.value = action.responsible
        self.partners.value = [self.network.by_id[p].name for p in action.partner_ids if p in self.network.by_id]
        self.starts_on.value, self.due.value = action.starts_on, action.due
        self.status.value, self.progress.value = action.status, action.progress
        self.effort.value = action.effort or ""
        self.cost.value = "" if action.cost is None else format_amount(action.cost)
        self.description.value = action.description

    def clear_form(self) -> None:
        self.title.value = self.responsible.value = self.cost.value = self.description.value = ""
        self.goal.value = self.table.value = self.effort.value = ""
        self.partners.value = []
        self.starts_on.value = self.due.value = None
        self.status.value, self.progress.value = "idee", 0

    def saved_message(self, action: Aktion) -> str:
        return t("actions.saved", title=action.title)
