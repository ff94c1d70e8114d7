"""Modul 5, „Budget“: planned and actual costs of the conference."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.formatting import format_amount, format_money, parse_amount
from regionallabor.core.messages import t
from regionallabor.core.model import Budgetposten
from regionallabor.core.store import Stored
from regionallabor.modul5.konferenz import budget_totals
from regionallabor_widgets.base import RecordListTool, css, heading, html, labelled


class AmountError(ValueError):
    pass


def _amount(widget: ipw.Text, label_key: str) -> float | None:
    try:
        return parse_amount(widget.value)
    except ValueError:
        raise AmountError(t("budget.not_an_amount", field=t(label_key), value=widget.value)) from None


class ConferenceBudget(RecordListTool):
    """Budget lines with planned and actual sums, and the totals."""

    MODEL = Budgetposten
    SHOWS = (Budgetposten.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, t("budget.add"), **kwargs)
        self.title = ipw.Text(placeholder=t("budget.title_placeholder"), layout=ipw.Layout(width="100%"))
        self.planned = ipw.Text(placeholder="0", layout=ipw.Layout(width="140px"))
        self.actual = ipw.Text(placeholder=t("budget.actual_placeholder"), layout=ipw.Layout(width="160px"))
        self.kind = ipw.ToggleButtons(
            options=[(t("budget.kind_cost"), "ausgabe"), (t("budget.kind_income"), "einnahme")],
            value="ausgabe",
            style={"button_width": "110px"},
        )
        self.totals = html()
        self.children = [
            heading(t("budget.heading")),
            self.form_area(
                css(
                    ipw.VBox(
                        [
                            self.form_title,
                            labelled(t("budget.kind_label"), self.kind),
                            ipw.HBox(
                                [
                                    labelled(t("budget.line_label"), self.title, layout=ipw.Layout(flex="2 1 300px")),
                                    labelled(t("field.planned"), self.planned),
                                    labelled(t("field.actual"), self.actual),
                                ],
                                layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                            ),
                            self.buttons,
                        ]
                    ),
                    "rl-form",
                )
            ),
            self.notice,
            self.list,
            self.pager.more,
            self.totals,
        ]
        self.clear()
        self.start()

    def records(self) -> list[Stored[Budgetposten]]:
        """Costs first, then income, each in the order they were entered."""
        return sorted(self.workbook.list(Budgetposten), key=lambda s: s.record.kind != "ausgabe")

    def empty_text(self) -> str:
        return t("budget.empty")

    def save(self):
        try:
            return super().save()
        except AmountError as error:
            self.notice.show("error", str(error))
            return None

    def form_values(self) -> dict:
        planned = _amount(self.planned, "field.planned")
        return {
            "kind": self.kind.value,
            "title": self.title.value,
            "planned": 0 if planned is None else planned,
            "actual": _amount(self.actual, "field.actual"),
        }

    def load_form(self, line: Budgetposten) -> None:
        self.kind.value = line.kind
        self.title.value = line.title
        self.planned.value = format_amount(line.planned)
        self.actual.value = "" if line.actual is None else format_amount(line.actual)

    def clear_form(self) -> None:
        self.title.value = self.planned.value = self.actual.value = ""

    def row_html(self, stored: Stored[Budgetposten]) -> str:
        line = stored.record
        actual = format_money(line.actual) if line.actual is not None else t("budget.no_actual")
        income = line.kind == "einnahme"
        kind = t("budget.kind_income" if income else "budget.kind_cost")
        return (
            f"<div class='rl-budget-line'><span><span class='rl-member-name'>{escape(line.title)}</span>"
            f"<span class='rl-tag rl-budget-{line.kind}'>{escape(kind)}</span></span>"
            f"<span class='rl-budget-amounts'><span>{escape(t('budget.planned_short'))} "
            f"<strong>{escape(format_money(line.planned))}</strong></span>"
            f"<span>{escape(t('budget.received_short' if income else 'budget.actual_short'))} "
            f"<strong>{escape(actual)}</strong></span></span></div>"
        )

    def show_extra(self, records: list[Stored[Budgetposten]]) -> None:
        if not records:
            self.totals.value = ""
            return
        totals = budget_totals([s.record for s in records])
        difference = ""
        if totals.lines_with_actual:
            key = "budget.over" if totals.difference > 0 else "budget.under"
            difference = f"<div class='rl-help'>{escape(t(key, amount=format_money(abs(totals.difference)), lines=totals.lines_with_actual))}</div>"
        if not totals.income_lines:
            cover = t("budget.no_income")
        elif totals.gap > 0:
            cover = t("budget.gap", amount=format_money(totals.gap))
        elif totals.gap < 0:
            cover = t("budget.surplus", amount=format_money(-totals.gap))
        else:
            cover = t("budget.covered")
        state = "rl-notice-warning" if totals.gap > 0 or not totals.income_lines else "rl-notice-success"
        self.totals.value = (
            f"{_total_row(t('budget.costs'), totals.planned, totals.actual if totals.lines_with_actual else None)}"
            f"{_total_row(t('budget.income'), totals.income_planned, totals.income_actual if totals.income_with_actual else None, received=True)}"
            f"{difference}<div class='rl-notice {state}'>{escape(cover)}</div>"
        )

    def saved_message(self, line: Budgetposten) -> str:
        return t("budget.saved", title=line.title)


def _total_row(label: str, planned: float, actual: float | None, received: bool = False) -> str:
    done = format_money(actual) if actual is not None else t("budget.no_actual")
    return (
        f"<div class='rl-budget-total'><span>{escape(label)}</span>"
        f"<span>{escape(t('budget.planned_short'))} <strong>{escape(format_money(planned))}</strong></span>"
        f"<span>{escape(t('budget.received_short' if received else 'budget.actual_short'))} <strong>{escape(done)}</strong></span>"
        "</div>"
    )
