"""Modul 2, tool „Kennzahlen“: the region's figures, its trend and age structure, compared in plain words;
and the team's own figures, typed in or uploaded as CSV."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor.core.formatting import format_figure, format_indicator
from regionallabor.core.messages import t
from regionallabor.core.model import Kennzahl, Region, explain
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.dokumente import statistik
from regionallabor.modul2.eigene_kennzahlen import kennzahl_from_text, parse_csv, save_figure, save_figures
from regionallabor.modul2.kennzahlen import RegionProfile, region_profile
from regionallabor_widgets.base import (
    WorkbookTool,
    button,
    css,
    figures_html,
    html,
    labelled,
    source_line,
    upload_button,
)


class RegionFigures(WorkbookTool):
    """What the reference data says about the region chosen in Modul 1, and the team's own figures."""

    SHOWS = (Region.KIND,)
    DRAWS_AFTER_PAGE_LOAD = True  # matplotlib and the reference data take most of a second

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._region_version: int | None | bool = False  # False: nothing shown yet
        self.profile: RegionProfile | None = None
        self.overview = html()
        self.comparison = html()
        self.trend = html()
        self.age = html()
        self.notes = html()
        self.children = [self.overview, self.comparison, self.trend, self.age, self.notes, self.notice]
        self.overview.value = f"<div class='rl-muted'>{escape(t('figures.drawing'))}</div>"
        self.start()

    def refresh(self) -> None:
        stored = self.workbook.get(Region)
        version = stored.version if stored else None
        if version == self._region_version:
            return  # the charts depend on the region only: other writes don't redraw them
        self._region_version = version
        self.show(stored.record if stored else Region())

    def preparation(self):
        stored = self.workbook.get(Region)
        region = stored.record if stored else Region()
        return lambda: region_view(region)

    def show(self, region: Region) -> None:
        view = region_view(region)
        self.profile = view.profile
        self.overview.value = view.overview
        self.comparison.value = view.comparison
        self.trend.value = view.trend
        self.age.value = view.age
        self.notes.value = view.notes


@dataclass(frozen=True)
class RegionView:
    """What „Kennzahlen“ shows of a region, as HTML."""

    profile: RegionProfile
    overview: str
    comparison: str = ""
    trend: str = ""
    age: str = ""
    notes: str = ""


_views: dict[str, RegionView] = {}
_drawing = threading.Lock()  # matplotlib's rc_context is global: one drawing at a time (worker thread or loop)


def region_view(region: Region) -> RegionView:
    """The region's figures and charts; drawn once per region in a kernel (possibly on the page's worker thread)."""
    key = region.model_dump_json()
    with _drawing:
        view = _views.get(key)
        if view is None:
            if len(_views) > 3:  # a team looks at one region, perhaps two while it chooses
                _views.clear()
            view = _views[key] = _draw_region(region)
    return view


def _draw_region(region: Region) -> RegionView:
    profile = region_profile(region)
    if not profile.has_areas and profile.figures.population is None:
        return RegionView(profile, f"<div class='rl-notice rl-notice-info'>{escape(t('figures.no_region'))}</div>")
    name = f"<div class='rl-region-name'>{escape(region.name)}</div>" if region.name else ""
    return RegionView(
        profile,
        overview=name + figures_html(profile.figures),
        comparison=_comparison_html(profile),
        trend=_trend_html(profile),
        age=_age_html(profile),
        notes="".join(f"<div class='rl-notice rl-notice-info'>{escape(note)}</div>" for note in profile.notes),
    )


def _comparison_html(profile: RegionProfile) -> str:
    if not profile.comparisons:
        return ""
    rows = "".join(
        f"<tr><td>{escape(c.indicator.label)}</td>"
        f"<td class='rl-num'><strong>{escape(format_indicator(c.indicator.value, c.indicator.unit, c.indicator.key))}</strong></td>"
        f"<td class='rl-num'>{escape(format_indicator(c.median, c.indicator.unit, c.indicator.key))}</td>"
        f"<td>{escape(c.sentence)}</td></tr>"
        for c in profile.comparisons
    )
    # "31.12.2020, Entwicklung 2015–2020": the dates once each, not once per row
    stands = ", ".join(
        dict.fromkeys(
            (f"Entwicklung {c.indicator.stand}" if c.indicator.key == "change" else c.indicator.stand)
            for c in profile.comparisons
            if c.indicator.stand
        )
    )
    sources = tuple(dict.fromkeys(source for c in profile.comparisons for source in c.indicator.source.split("; ")))
    peers = "gemeinden" if profile.comparisons[0].with_gemeinden else "kreise"
    return (
        f"<h4 class='rl-heading'>{escape(t('figures.comparison_heading'))}</h4>"
        f"<table class='rl-table rl-comparison'><thead><tr><th>{escape(t('figures.col_figure'))}</th>"
        f"<th>{escape(t('figures.col_region'))}</th><th>{escape(t(f'figures.col_median_{peers}'))}</th>"
        f"<th>{escape(t('figures.col_meaning'))}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<div class='rl-help'>{escape(t(f'figures.chart_help_{peers}'))}</div>"
        f"<div class='rl-chart-box'>{statistik.comparison_svg(profile.comparisons)}</div>"
        f"{source_line(stands, sources)}"
    )


def _trend_html(profile: RegionProfile) -> str:
    trend = profile.trend
    if trend is None:
        return ""
    note = f"<div class='rl-help'>{escape(trend.context_note)}</div>" if trend.context_note else ""
    return (
        f"<h4 class='rl-heading'>{escape(t('figures.trend_heading'))}</h4>{note}"
        f"<div class='rl-chart-box'>{statistik.trend_svg(trend)}</div>"
        f"{source_line(f'{trend.years[0]}–{trend.years[-1]}', (trend.source,))}"
    )


def _age_html(profile: RegionProfile) -> str:
    age = profile.age
    if age is None:
        return ""
    note = f"<div class='rl-help'>{escape(age.context_note)}</div>" if age.context_note else ""
    chart = statistik.pyramid_svg(age) if age.is_pyramid else statistik.age_shares_svg(age)
    return (
        f"<h4 class='rl-heading'>{escape(t('figures.age_heading'))}</h4>{note}"
        f"<div class='rl-chart-box rl-chart-narrow'>{chart}</div>{source_line(str(age.year), (age.source,))}"
    )


class OwnFigures(WorkbookTool):
    """The team's own key figures: a form, a table, and a CSV upload that takes all rows or none."""

    SHOWS = (Kennzahl.KIND,)

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.name = ipw.Text(placeholder="z. B. Vereine", layout=ipw.Layout(width="100%"))
        self.value = ipw.Text(placeholder="z. B. 42", layout=ipw.Layout(width="100%"))
        self.unit = ipw.Text(placeholder="z. B. Anzahl, %", layout=ipw.Layout(width="100%"))
        self.year = ipw.Text(placeholder="z. B. 2025", layout=ipw.Layout(width="100%"))
        self.source = ipw.Text(placeholder="z. B. Vereinsregister der Gemeinde", layout=ipw.Layout(width="100%"))
        self.submit = button(t("figures.own_add"), "primary")
        self.on_click(self.submit, self.add)
        self.table = ipw.VBox()
        self.upload = upload_button(t("figures.csv_upload"), ".csv,text/csv")
        self.on_upload(self.upload, lambda files: self.receive(*files[0]))

        def field(text: str, widget: ipw.Widget, basis: str) -> ipw.VBox:
            return labelled(text, widget, layout=ipw.Layout(flex=f"1 1 {basis}", min_width="110px"))

        self.children = [
            self.table,
            css(
                ipw.VBox(
                    [
                        ipw.HBox(
                            [
                                field("Kennzahl", self.name, "220px"),
                                field(t("field.value"), self.value, "100px"),
                                field(t("field.unit"), self.unit, "100px"),
                                field(t("field.year"), self.year, "80px"),
                            ],
                            layout=ipw.Layout(flex_flow="row wrap"),
                        ),
                        labelled(t("field.source"), self.source),
                        self.submit,
                    ]
                ),
                "rl-form",
            ),
            html(f"<div class='rl-help' style='margin-top:10px'>{t('figures.csv_help')}</div>"),
            self.upload,
            self.notice,
        ]
        self.start()

    def refresh(self) -> None:
        stored = sorted(self.workbook.list(Kennzahl), key=lambda s: (s.record.name.casefold(), s.record.year))
        if not stored:
            self.table.children = [html(f"<div class='rl-muted'>{escape(t('figures.own_empty'))}</div>")]
            return
        rows = []
        for s in stored:
            figure = s.record
            remove = button("✕", "quiet", tooltip=t("delete"))
            self.on_click(remove, lambda s=s: self.remove(s))
            rows.append(
                css(
                    ipw.HBox(
                        [
                            html(
                                f"<div class='rl-own-figure'><span class='rl-member-name'>{escape(figure.name)}</span> "
                                f"<strong>{escape(format_figure(figure.value, figure.unit))}</strong>"
                                f"<div class='rl-source'>Stand {figure.year} · Quelle: {escape(figure.source)}</div></div>",
                                layout=ipw.Layout(flex="1 1 auto"),
                            ),
                            remove,
                        ]
                    ),
                    "rl-member",
                )
            )
        self.table.children = rows

    def add(self) -> Stored[Kennzahl] | None:
        try:
            figure = kennzahl_from_text(
                self.name.value, self.value.value, self.unit.value, self.year.value, self.source.value
            )
            stored, is_new = save_figure(self.workbook, figure)
        except ValidationError as error:
            self.notice.show("error", explain(error))
            return None
        self.written(stored.version)
        self.notice.show(
            "success", t("figures.own_added" if is_new else "figures.own_updated", name=figure.name, year=figure.year)
        )
        for widget in (self.name, self.value, self.unit):
            widget.value = ""
        self.refresh()
        return stored

    def remove(self, stored: Stored[Kennzahl]) -> None:
        self.remove_record(Kennzahl, stored, t("figures.own_removed", name=stored.record.name, year=stored.record.year))

    def receive(self, filename: str, raw: bytes) -> bool:
        try:
            figures = parse_csv(raw)
            added, updated, revision = save_figures(self.workbook, figures)
        except WorkbookError as error:
            self.notice.show("error", t("figures.csv_refused", filename=filename, reason=str(error)))
            return False
        self.written(revision)
        self.notice.show(
            "success", t("figures.csv_done", count=len(figures), filename=filename, new=added, updated=updated)
        )
        self.refresh()
        return True
