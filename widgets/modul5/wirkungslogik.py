"""Modul 5, tool „Wirkungslogik“: Input → Output → Outcome → Impact for each goal, with indicators and a check."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.messages import IMPACT_LEVELS, OUTCOME_STEPS, t
from regionallabor.core.model import Indikator, Wirkungslogik, Ziel
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul4.vision import goals
from regionallabor.modul5.wirkungslogik import check_logic, logics, save_logic
from regionallabor_widgets.base import WorkbookTool, button, css, findings_html, heading, html, labelled, muted

STAIRS = (
    ("input", "", "logic.stairs.input"),
    ("output", "1–3", "logic.stairs.output"),
    ("outcome", "4–6", "logic.stairs.outcome"),
    ("impact", "7", "logic.stairs.impact"),
)
INDICATOR_LEVELS = {key: IMPACT_LEVELS[key] for key in ("output", "outcome", "impact")}


class ImpactLogic(WorkbookTool):
    """Pick a goal, write its chain, add indicators; the check says what is missing or mixed up."""

    SHOWS = (Ziel.KIND, Wirkungslogik.KIND)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._stored: Stored[Wirkungslogik] | None = None
        self.goal = ipw.Dropdown(layout=ipw.Layout(width="min(520px, 100%)"))
        self.on_value(self.goal, lambda _: self.show_goal())
        self.overview = html()
        self.levels: dict[str, ipw.Textarea] = {}
        self.level_boxes: dict[str, ipw.VBox] = {}
        boxes = []
        for number, (key, steps, help_key) in enumerate(STAIRS, start=1):
            area = ipw.Textarea(
                placeholder=t(f"logic.placeholder.{key}"),
                continuous_update=True,
                layout=ipw.Layout(width="100%", height="120px"),
            )
            self.on_value(area, lambda new, key=key: self.write(**{key: new}))
            self.levels[key] = area
            step_text = f" · {t('logic.steps', steps=steps)}" if steps else ""
            parts = [
                html(
                    f"<div class='rl-level-title'>{number} {escape(IMPACT_LEVELS[key])}"
                    f"<span class='rl-level-steps'>{escape(step_text)}</span></div>"
                    f"<div class='rl-help'>{escape(t(help_key))}</div>"
                ),
                area,
            ]
            if key == "outcome":
                self.outcome_step = ipw.Dropdown(
                    options=[(t("logic.outcome_step_open"), "")]
                    + [(label, step) for step, label in OUTCOME_STEPS.items()],
                    value="",
                    layout=ipw.Layout(width="100%"),
                )
                self.on_value(self.outcome_step, lambda new: self.write(outcome_step=new or None))
                parts.append(self.outcome_step)
            self.level_boxes[key] = css(ipw.VBox(parts), "rl-level", f"rl-level-{key}")
            boxes.append(self.level_boxes[key])
        self.indicator_list = ipw.VBox()
        self.indicator_text = ipw.Text(placeholder=t("logic.indicator_placeholder"), layout=ipw.Layout(width="100%"))
        self.indicator_noticed = ipw.Text(placeholder=t("logic.noticed_placeholder"), layout=ipw.Layout(width="100%"))
        self.indicator_level = ipw.Dropdown(
            options=[(label, key) for key, label in INDICATOR_LEVELS.items()],
            value="outcome",
            layout=ipw.Layout(width="140px"),
        )
        self.add_indicator = button(t("logic.add_indicator"), "primary")
        self.on_click(self.add_indicator, self.add)
        self.findings = html()
        self.editor = ipw.VBox(
            [
                ipw.GridBox(
                    boxes,
                    layout=ipw.Layout(grid_template_columns="repeat(auto-fit, minmax(340px, 1fr))", grid_gap="10px"),
                ),
                heading(t("logic.indicators"), 4),
                html(f"<div class='rl-help'>{escape(t('logic.indicators_help'))}</div>"),
                self.indicator_list,
                css(
                    ipw.VBox(
                        [
                            ipw.HBox(
                                [
                                    labelled(
                                        t("logic.indicator_label"),
                                        self.indicator_text,
                                        layout=ipw.Layout(flex="1 1 240px"),
                                    ),
                                    labelled(
                                        t("field.noticed_by"),
                                        self.indicator_noticed,
                                        layout=ipw.Layout(flex="1 1 280px"),
                                    ),
                                    labelled(t("logic.level_label"), self.indicator_level),
                                ],
                                layout=ipw.Layout(flex_flow="row wrap", grid_gap="10px"),
                            ),
                            ipw.HBox([self.add_indicator]),
                        ]
                    ),
                    "rl-form",
                ),
                heading(t("logic.check"), 4),
                self.findings,
            ]
        )
        self.empty = muted(t("logic.no_goals"), layout=ipw.Layout())  # shown only without goals
        self.children = [
            heading(t("logic.heading")),
            labelled(t("logic.goal_label"), self.goal),
            self.notice,
            self.empty,
            self.editor,
            heading(t("logic.overview"), 4),
            self.overview,
        ]
        self.start()

    def refresh(self) -> None:
        self._goal_list = goal_list = goals(self.workbook)
        self._logics = logics(self.workbook)
        options = [(s.record.title, s.record.id) for s in goal_list]
        with self.loading():
            if list(self.goal.options) != options:
                current = self.goal.value
                self.goal.options = options
                self.goal.value = (
                    current if current in {o[1] for o in options} else (options[0][1] if options else None)
                )
        self.empty.layout.display = "none" if options else ""
        self.editor.layout.display = "" if options else "none"
        self.goal.layout.display = "" if options else "none"
        self.show_goal()
        self._show_overview(goal_list)

    def show_goal(self) -> None:
        if self.is_loading:
            return
        self._stored = self._logics.get(self.goal.value) if self.goal.value else None
        record = self._stored.record if self._stored else None
        with self.loading():
            for key, area in self.levels.items():
                value = getattr(record, key) if record else ""
                if area.value != value:
                    area.value = value
            self.outcome_step.value = (record.outcome_step if record else None) or ""
        self._show_indicators(record)
        self._show_check(record)

    def _show_indicators(self, record: Wirkungslogik | None) -> None:
        rows = []
        for index, indicator in enumerate(record.indicators if record else []):
            remove = button("✕", "quiet", tooltip=t("delete"))
            self.on_click(remove, lambda index=index: self.remove(index))
            noticed = (
                f"<div class='rl-member-meta'>{escape(t('logic.noticed_line', text=indicator.noticed_by))}</div>"
                if indicator.noticed_by
                else f"<div class='rl-member-meta rl-warning-text'>{escape(t('logic.noticed_missing'))}</div>"
            )
            rows.append(
                css(
                    ipw.HBox(
                        [
                            html(
                                f"<div><span class='rl-member-name'>{escape(indicator.text)}</span>"
                                f"<span class='rl-tag rl-level-tag-{indicator.level}'>{escape(IMPACT_LEVELS[indicator.level])}</span>"
                                f"{noticed}</div>",
                                layout=ipw.Layout(flex="1 1 auto"),
                            ),
                            remove,
                        ]
                    ),
                    "rl-member",
                    "rl-indicator",
                )
            )
        self.indicator_list.children = rows or [muted(t("logic.no_indicators"))]

    def _show_check(self, record: Wirkungslogik | None) -> None:
        found = check_logic(record)
        for key, box in self.level_boxes.items():
            severities = {f.severity for f in found if f.level == key}
            for severity in ("error", "warning"):
                (box.add_class if severity in severities else box.remove_class)(f"rl-level-{severity}")
        self.findings.value = findings_html([(f.severity, f.message) for f in found])

    def _show_overview(self, goal_list: list[Stored[Ziel]]) -> None:
        if not goal_list:
            self.overview.value = ""
            return
        rows = []
        for stored in goal_list:
            logic = self._logics.get(stored.record.id)
            found = check_logic(logic.record if logic else None)
            errors = sum(f.severity == "error" for f in found)
            warnings = sum(f.severity == "warning" for f in found)
            if errors:
                state, css_class = t("logic.state.gaps", count=errors), "rl-state-error"
            elif warnings:
                state, css_class = t("logic.state.hints", count=warnings), "rl-state-warning"
            else:
                state, css_class = t("logic.state.complete"), "rl-state-ok"
            indicators = len(logic.record.indicators) if logic else 0
            rows.append(
                f"<tr><td>{escape(stored.record.title)}</td><td class='rl-num'>{indicators}</td>"
                f"<td><span class='rl-state {css_class}'>{escape(state)}</span></td></tr>"
            )
        self.overview.value = (
            f"<table class='rl-table'><thead><tr><th>{escape(t('export.col.goal'))}</th>"
            f"<th class='rl-num'>{escape(t('logic.indicators'))}</th><th>{escape(t('logic.state'))}</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def write(self, **changes) -> Stored[Wirkungslogik] | None:
        if self.is_loading or not self.goal.value:
            return None
        current = self._stored.record if self._stored else Wirkungslogik(id=self.goal.value)
        try:
            logic = Wirkungslogik.model_validate({**current.model_dump(), **changes})
            stored = save_logic(self.workbook, logic, self._stored.version if self._stored else None)
        except (ValidationError, WorkbookError) as error:
            self.refused(error)
            return None
        self._stored = self._logics[stored.record.id] = stored
        self.written(stored.version)
        self.notice.clear()
        self._show_check(stored.record)
        self._show_overview(self._goal_list)
        return stored

    def add(self) -> Stored[Wirkungslogik] | None:
        try:
            indicator = Indikator(
                text=self.indicator_text.value,
                noticed_by=self.indicator_noticed.value,
                level=self.indicator_level.value,
            )
        except ValidationError as error:
            if self.indicator_text.value.strip():
                self.refused(error)
            else:
                self.notice.show("error", t("logic.indicator_empty"))
            return None
        current = self._stored.record.indicators if self._stored else []
        stored = self.write(indicators=[*current, indicator])
        if stored is not None:
            self.indicator_text.value = self.indicator_noticed.value = ""
            self.notice.show("success", t("logic.indicator_added", text=indicator.text))
            self._show_indicators(stored.record)
        return stored

    def remove(self, index: int) -> None:
        if self._stored is None:
            return
        indicators = list(self._stored.record.indicators)
        del indicators[index]
        stored = self.write(indicators=indicators)
        if stored is not None:
            self._show_indicators(stored.record)
