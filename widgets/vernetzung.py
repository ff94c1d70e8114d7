"""The start page's Vernetzungslandkarte: the cohort's teams that chose to show themselves, on a map and as a
list nearest first, filtered by Weggemeinschaft and Handlungsfeld – „wer arbeitet auch an Mobilität in unserer
Nähe?“. Read from the file the facilitators published (on the hub) or the copy the team imported."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as ipw

from regionallabor import refdata
from regionallabor.core.formatting import format_int, format_timestamp
from regionallabor.core.messages import WEGGEMEINSCHAFTEN, t
from regionallabor.core.model import Region, Team
from regionallabor.core.store import Arbeitsmappe
from regionallabor.dokumente.karte import region_map_svg
from regionallabor.kursrahmen import frame_path
from regionallabor.modul1.vernetzung import MAP_FILE, MapFileError, nearby, parse_map, published_map, shape_of
from regionallabor_widgets.base import (
    GuardedActions,
    Notice,
    WorkbookView,
    css,
    field_chip,
    field_options,
    heading,
    html,
    upload_button,
)


class CohortMapView(GuardedActions, WorkbookView, ipw.VBox):
    SHOWS = (Region.KIND, Team.KIND)

    def __init__(self, workbook: Arbeitsmappe, **kwargs):
        super().__init__(**kwargs)
        css(self, "rl-card", "rl-tool", "rl-cohort-map")
        self.own_folder = Path(workbook.path).parent
        self.notice = Notice()
        self.weggemeinschaft = ipw.Dropdown(
            options=[(t("network.all"), "")] + [(name, name) for name in WEGGEMEINSCHAFTEN],
            description=t("network.filter_wegg"),
            style={"description_width": "initial"},
        )
        self.field = ipw.Dropdown(
            options=field_options(t("network.all")),
            description=t("network.filter_field"),
            style={"description_width": "initial"},
        )
        for control in (self.weggemeinschaft, self.field):
            self.on_value(control, lambda _: self.refresh())
        self.upload = upload_button(t("network.import"), ".json,application/json")
        self.on_upload(self.upload, lambda files: self.receive(*files[0]))
        self.summary = html()
        self.map = html()
        self.list = html()
        self.filters = ipw.HBox([self.weggemeinschaft, self.field], layout=ipw.Layout(flex_flow="row wrap"))
        self.children = [heading(t("network.map_heading")), self.summary, self.filters, self.map, self.list]
        self.children += (ipw.HBox([self.upload]), self.notice)
        self.listen(workbook)
        self.refresh()

    def receive(self, name: str, raw: bytes) -> None:
        try:
            cohort_map = parse_map(raw)
        except MapFileError as error:
            self.notice.show("error", str(error))
            return
        target = self.own_folder / MAP_FILE
        target.write_bytes(raw)
        self.notice.show("success", t("network.imported", count=len(cohort_map.teams)))
        self.refresh()

    def refresh(self) -> None:
        course_file = frame_path()
        try:
            cohort_map = published_map(course_file.parent if course_file else None, self.own_folder)
        except (MapFileError, OSError) as error:
            self.summary.value = f"<div class='rl-notice rl-notice-warning'>{escape(str(error))}</div>"
            self.map.value = self.list.value = ""
            return
        if cohort_map is None:
            self.summary.value = f"<div class='rl-empty'>{escape(t('network.map_none'))}</div>"
            self.filters.layout.display = "none"
            self.map.value = self.list.value = ""
            return
        self.filters.layout.display = ""
        self.summary.value = f"<div class='rl-help'>{escape(t('network.map_summary', count=len(cohort_map.teams), cohort=cohort_map.kohorte or '–', when=format_timestamp(cohort_map.erstellt)))}</div>"
        region = self.workbook.get(Region)
        own_areas = [a for a in (refdata.area(i) for i in (region.record.area_ids if region else [])) if a]
        own = refdata.region_shape(own_areas) if own_areas else None
        here = own.center if own is not None else None
        shown = nearby(cohort_map.teams, here, self.weggemeinschaft.value, self.field.value)
        self.map.value = self._map(shown, own)
        team = self.workbook.get(Team)
        own_name = team.record.name if team else ""
        rows = []
        for entry, km in shown:
            details = [escape(entry.region or t("network.no_region"))]
            if km is not None and entry.team != own_name:
                details.append(escape(t("network.distance", km=format_int(km))))
            if entry.weggemeinschaft:
                details.append(escape(t("network.wegg", name=entry.weggemeinschaft)))
            chips = "".join(field_chip(key) for key in entry.handlungsfelder)
            contact = f"<div>{escape(t('network.contact_shown', contact=entry.kontakt))}</div>" if entry.kontakt else ""
            you = f" {escape(t('network.you'))}" if entry.team == own_name else ""
            rows.append(
                f"<li class='rl-map-team'><strong>{escape(entry.team)}</strong>{you} · {' · '.join(details)}"
                f"<div>{chips}</div>{contact}</li>"
            )
        self.list.value = (
            f"<ul class='rl-map-teams'>{''.join(rows)}</ul>"
            if rows
            else f"<div class='rl-empty'>{escape(t('network.nobody'))}</div>"
        )

    @staticmethod
    def _map(shown, own) -> str:
        """The shown teams' regions (and the team's own, outlined) as plain SVG, like Modul 1's map."""
        features, points, countries = [], [], set()
        for entry, _ in shown:
            shape = shape_of(entry)
            if shape is None:
                continue
            countries |= {area.country for area in (refdata.area(i) for i in entry.gebiete) if area}
            for feature in shape.polygons:
                features.append({**feature, "properties": {**feature["properties"], "name": entry.team}})
            points += [(entry.team, a.lat, a.lon) for a in shape.points]
        if not features and not points:
            return ""
        parents = own.polygons if own is not None else []
        bounds = refdata.bounds_of(features + parents, [(lat, lon) for _, lat, lon in points])
        (south, west), (north, east) = bounds
        pad = max(north - south, east - west) * 0.08 + 0.05
        framed = ((south - pad, west - pad), (north + pad, east + pad))
        drawn = {f["properties"]["id"] for f in features + parents}
        # the districts around, for orientation (≈ 1.3 KB of SVG each)
        context = [
            f
            for country in sorted(countries)
            for f in refdata.neighbouring_districts(country, framed, 0.0)
            if f["properties"]["id"] not in drawn
        ]
        return region_map_svg(features, parents, context, points, framed, t("network.map_heading"))
