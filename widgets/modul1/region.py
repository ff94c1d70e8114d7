"""Modul 1, tool „Region“: the team draws the borders of its region and sees its key figures."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw
from pydantic import ValidationError

from regionallabor import refdata
from regionallabor.core.formatting import format_decimal, format_int, number_or_text
from regionallabor.core.messages import AREA_TYPES, COUNTRIES, WEGGEMEINSCHAFTEN, t
from regionallabor.core.model import OwnFigures, Region, explain
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.modul1.region import region_figures, region_map
from regionallabor_widgets.base import Notice, WorkbookTool, button, css, figures_html, heading, html, label, labelled

SEARCH_LIMIT = 20


class RegionEditor(WorkbookTool):
    """Choose country, areas and name of the region; see it on a map with its key figures."""

    SHOWS = (Region.KIND,)

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(workbook, **kwargs)
        self.region = Region()
        self._version: int | None = None

        self.country = ipw.ToggleButtons(options=[(name, code) for code, name in COUNTRIES.items()], value="DE")
        self.area_type = ipw.Dropdown(
            options=[("– bitte wählen –", "")] + [(v, k) for k, v in AREA_TYPES.items()],
            layout=ipw.Layout(width="320px"),
        )
        self.name = ipw.Text(placeholder=t("region.name_placeholder"), layout=ipw.Layout(width="100%"))
        self.query = ipw.Text(
            placeholder=t("region.search_placeholder"), continuous_update=False, layout=ipw.Layout(flex="1 1 auto")
        )
        self.search_button = button(t("region.search_button"), "primary")
        self.search_notice = Notice()
        self.results = ipw.VBox()
        self.selected = ipw.HBox(layout=ipw.Layout(flex_flow="row wrap"))
        self.figures = html()
        self.map = html()
        self.map_caption = html()
        self.map_box = css(ipw.VBox([self.map]), "rl-map")

        self.own_population = ipw.Text(placeholder="z. B. 4250", layout=ipw.Layout(width="160px"))
        self.own_area = ipw.Text(placeholder="z. B. 12,5", layout=ipw.Layout(width="160px"))
        self.own_year = ipw.Text(placeholder="z. B. 2025", layout=ipw.Layout(width="120px"))
        self.own_source = ipw.Text(
            placeholder="z. B. Einwohnermeldeamt, Auskunft März 2025", layout=ipw.Layout(width="100%")
        )
        self.own_save = button(t("region.own_figures_save"), "primary")
        self.own_clear = button(t("region.own_figures_clear"), "danger")
        self.own_notice = Notice()

        self.weggemeinschaft = ipw.ToggleButtons(options=list(WEGGEMEINSCHAFTEN), value=None)
        self.why = ipw.Textarea(
            placeholder=t("region.why_placeholder"),
            continuous_update=True,
            layout=ipw.Layout(width="100%", height="110px"),
        )

        self.on_value(self.country, self._on_country)
        self.on_value(self.area_type, lambda new: self._save_field(area_type=new or None))
        self.on_value(self.name, lambda new: self._save_field(name=new))
        self.on_value(self.weggemeinschaft, lambda new: self._save_field(weggemeinschaft=new))
        self.on_value(self.why, lambda new: self._save_field(why=new))
        self.on_value(self.query, lambda _: self.search())
        self.on_click(self.search_button, self.search)
        self.on_click(self.own_save, self.save_own_figures)
        self.on_click(self.own_clear, self.clear_own_figures)

        own_box = ipw.VBox(
            [
                html(f"<div class='rl-help'>{escape(t('region.own_figures_help'))}</div>"),
                ipw.HBox(
                    [
                        labelled(t("field.population"), self.own_population),
                        labelled(t("field.area_km2") + " (km²)", self.own_area),
                        labelled(t("field.year"), self.own_year),
                    ],
                    layout=ipw.Layout(flex_flow="row wrap"),
                ),
                labelled(t("field.source"), self.own_source),
                ipw.HBox([self.own_save, self.own_clear], layout=ipw.Layout(margin="8px 0 0 0")),
                self.own_notice,
            ]
        )
        self.own_figures_panel = ipw.Accordion(
            children=[own_box], titles=(t("region.own_figures"),), selected_index=None
        )

        self.children = [
            heading("Eure Region"),
            ipw.HBox(
                [labelled(t("region.country"), self.country), labelled(t("region.area_type"), self.area_type)],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            labelled(t("region.name"), self.name),
            labelled(t("region.search"), ipw.HBox([self.query, self.search_button])),
            self.search_notice,
            self.results,
            label(t("region.selected")),
            self.selected,
            self.map_box,
            self.map_caption,
            heading(t("region.figures"), 4),
            self.figures,
            self.own_figures_panel,
            labelled(t("region.weggemeinschaft"), self.weggemeinschaft, t("region.weggemeinschaft_help")),
            labelled(t("region.why"), self.why),
            self.notice,
        ]
        self.start()

    # reading

    def refresh(self) -> None:
        stored = self.workbook.get(Region)
        self.region = stored.record if stored else Region()
        self._version = stored.version if stored else None
        region = self.region
        with self.loading():
            if region.country and self.country.value != region.country:
                self.country.value = region.country
            for widget, value in (
                (self.area_type, region.area_type or ""),
                (self.name, region.name),
                (self.weggemeinschaft, region.weggemeinschaft),
                (self.why, region.why),
            ):
                if widget.value != value:
                    widget.value = value
            own = region.own_figures
            self.own_population.value = "" if not own or own.population is None else str(own.population)
            self.own_area.value = (
                "" if not own or own.area_km2 is None else format_decimal(own.area_km2, 2).rstrip("0").rstrip(",")
            )
            self.own_year.value = str(own.year) if own else ""
            self.own_source.value = own.source if own else ""
        self._show_selection()

    def _show_selection(self) -> None:
        areas = [a for a in (refdata.area(i) for i in self.region.area_ids) if a]
        chips = []
        for area in areas:
            chip = ipw.Button(
                description=f"{area.name} · {area.level}  ✕",
                tooltip=f"{area.label} – {t('region.remove_area')}",
                layout=ipw.Layout(width="auto"),
            )
            self.on_click(chip, lambda area_id=area.id: self.remove_area(area_id))
            chips.append(css(chip, "rl-chip"))
        self.selected.children = chips or [
            html(f"<span class='rl-muted'>{escape(t('region.nothing_selected'))}</span>")
        ]
        self._show_figures()
        self._show_map(areas)

    def _show_figures(self) -> None:
        self.figures.value = figures_html(region_figures(self.region))

    def _show_map(self, areas: list[refdata.Area]) -> None:
        name = self.name.value.strip()
        drawn = region_map(areas, t("region.map_label", region=name) if name else t("region.map_label_unnamed"))
        # An empty map says nothing: it appears with the first chosen area.
        self.map_box.layout.display = "none" if drawn is None else ""
        if drawn is None:
            self.map.value = ""
            self.map_caption.value = ""
            return
        self.map.value = drawn
        countries = sorted({a.country for a in areas})
        attribution = "; ".join(refdata.ATTRIBUTION[c]["boundaries"] for c in countries)
        self.map_caption.value = (
            f"<div class='rl-source'>{escape(t('region.map_attribution', attribution=attribution))}</div>"
        )

    # searching

    def search(self) -> list[refdata.Area]:
        query = self.query.value.strip()
        self.results.children = []
        if len(query) < 2:
            if query:
                self.search_notice.show("info", t("region.search_too_short"))
            else:
                self.search_notice.clear()
            return []
        hits = refdata.search(self.country.value, query, limit=SEARCH_LIMIT + 1)
        if not hits:
            self.search_notice.show(
                "warning", t("region.search_no_match", query=query, country=COUNTRIES[self.country.value])
            )
            return []
        shown = hits[:SEARCH_LIMIT]
        message = t("region.search_results", count=len(shown))
        if len(hits) > SEARCH_LIMIT:
            message += " " + t("region.search_more", count=SEARCH_LIMIT)
        self.search_notice.show("info", message)
        rows = []
        for area in shown:
            population = f" · {format_int(area.population)} Einw." if area.population else ""
            text = html(
                f"{escape(area.label)}<span class='rl-muted'>{population}</span>", layout=ipw.Layout(flex="1 1 auto")
            )
            if area.id in self.region.area_ids:
                action = html("<span class='rl-muted'>✓ gewählt</span>")
            else:
                action = button(t("region.add_area"), "quiet")
                self.on_click(action, lambda area_id=area.id: self.add_area(area_id))
            rows.append(css(ipw.HBox([text, action]), "rl-result"))
        self.results.children = rows
        return shown

    # writing

    def _on_country(self, country: str) -> None:
        if self.is_loading:
            return
        self.results.children = []
        self.search_notice.clear()
        self._save_field(country=country)
        if not self.region.area_ids:
            self._show_map([])

    def _save(self, region: Region) -> bool:
        try:
            stored = self.workbook.save(region, self._version)
        except WorkbookError as error:
            self.reload_after(error)
            return False
        self.region, self._version = stored.record, stored.version
        self.written(stored.version)
        return True

    def _save_field(self, **changes) -> bool:
        if self.is_loading:
            return False
        try:
            region = Region.model_validate({**self.region.model_dump(), **changes})
        except ValidationError as error:
            self.notice.show("error", explain(error))
            return False
        self.notice.clear()
        return self._save(region)

    def add_area(self, area_id: str) -> None:
        area = refdata.area(area_id)
        if area is None or area_id in self.region.area_ids:
            return
        if self._save_field(area_ids=[*self.region.area_ids, area_id], country=self.region.country or area.country):
            if area.parent_id in self.region.area_ids:
                self.notice.show(
                    "info",
                    t("region.already_in_district", name=area.name, district=refdata.district_name(area.parent_id)),
                )
            self._show_selection()
            self.search()

    def remove_area(self, area_id: str) -> None:
        if self._save_field(area_ids=[i for i in self.region.area_ids if i != area_id]):
            self._show_selection()
            if self.results.children:
                self.search()

    def save_own_figures(self) -> bool:
        population, area_km2 = number_or_text(self.own_population.value), number_or_text(self.own_area.value)
        if population is None and area_km2 is None:
            self.own_notice.show("error", t("region.own_figures_nothing"))
            return False
        if not self.own_source.value.strip():
            self.own_notice.show("error", t("region.own_figures_source_needed"))
            return False
        try:
            figures = OwnFigures(
                population=population,
                area_km2=area_km2,
                year=self.own_year.value.strip() or None,
                source=self.own_source.value,
            )
        except ValidationError as error:
            self.own_notice.show("error", explain(error))
            return False
        if self._save_field(own_figures=figures.model_dump()):
            self.own_notice.show("success", t("saved"))
            self._show_figures()
            return True
        return False

    def clear_own_figures(self) -> None:
        if self._save_field(own_figures=None):
            self.own_notice.clear()
            self.refresh()
