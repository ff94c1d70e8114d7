"""Modul 3, tool „Netzwerkkarte“: the actor map as an interactive network, drawn with ipysigma.

ipysigma (sigma.js, WebGL) draws hundreds of actors smoothly, pans and zooms, and reports the
clicked node to the kernel. It draws a graph once; a filter change builds a new, smaller map with
the same positions and the same camera, so nothing jumps. Its English controls (graph summary,
downloads, layout buttons) are hidden by the course stylesheet; the legend is ours, in German.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import ipywidgets as ipw

from regionallabor.core.messages import RELATION_KINDS, SECTORS, t
from regionallabor.core.model import sector_label
from regionallabor.modul3.beziehungsnetz import MapEntry, Network, load_network
from regionallabor.modul3.netzanalyse import spring_positions
from regionallabor_widgets.base import WorkbookTool, close_tree, css, field_options, html, label, offer
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS, ActorForm, actor_chips
from regionallabor_widgets.modul3.beziehungen import RELATION_COLOURS, relation_line

if TYPE_CHECKING:  # both are imported when a map is drawn, after the page has loaded (numpy comes with them)
    import networkx as nx
    from ipysigma import Sigma

SECTOR_COLOURS = {
    "zivilgesellschaft": "#e07b39",
    "wirtschaft": "#3a7dc9",
    "verwaltung": "#6d5bb5",
    "politik": "#c0392b",
    "bildung": "#2a9d8f",
    "medien": "#d4a017",
}
OWN_SECTOR_COLOURS = ("#8d6e63", "#5d8a3a", "#b5487f", "#546e7a", "#9e9d24", "#00838f")
MAP_HEIGHT = 540
# sigma.js fits the outermost actors to the very edge; start zoomed out a little, so that they and
# their names stay clear of the border and of the zoom buttons; names run to the right of their actor, so
# the view leaves more room on the right
FIRST_CAMERA = {"x": 0.58, "y": 0.5, "ratio": 1.35, "angle": 0}
# sigma.js names only actors drawn larger than 6 px, and one name per 100 px cell: the small actors – often the
# contacts a team still has to win – stayed nameless. Every actor may be named, and names stand closer; where
# two would collide, sigma.js shows one and the other when the team zooms in (all at once would be unreadable)
LABELS = {"label_rendered_size_threshold": 0, "label_density": 1.6, "label_grid_cell_size": 70}


def sector_colours(sectors: list[str]) -> dict[str, str]:
    """A colour per sector: fixed ones for the six standard sectors, a palette for the team's own."""
    own = [s for s in sectors if s not in SECTORS]
    return {**SECTOR_COLOURS, **{s: OWN_SECTOR_COLOURS[i % len(OWN_SECTOR_COLOURS)] for i, s in enumerate(own)}}


def map_graph(network: Network, actors: list[MapEntry], colours: dict[str, str]) -> nx.Graph:
    """The graph ipysigma draws: node size from influence, colour from sector, edges by kind and strength."""
    import networkx as nx

    graph = nx.Graph()
    shown = set()
    for actor in actors:
        graph.add_node(
            actor.id, label=actor.name, color=colours[actor.record.sector], size=3 + 1.8 * actor.record.influence
        )
        shown.add(actor.id)
    for stored in network.relations:
        relation = stored.record
        if relation.source_id in shown and relation.target_id in shown:
            graph.add_edge(
                relation.source_id,
                relation.target_id,
                color=RELATION_COLOURS[relation.kind],
                size=0.6 * relation.strength,
            )
    return graph


def _import_drawing() -> None:
    import ipysigma  # noqa: F401 – it brings networkx and numpy


class NetworkMap(WorkbookTool):
    """The network, filterable by Handlungsfeld and sector; a click on an actor opens it beside the map."""

    SHOWS = NETWORK_KINDS
    DRAWS_AFTER_PAGE_LOAD = True  # ipysigma, networkx and the layout take half a second

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        css(self, "rl-network-map")
        self.network = Network([], [])
        self.positions: dict[str, tuple[float, float]] = {}
        self.selected: str | None = None
        self.sigma: Sigma | None = None
        self.filter_field = ipw.Dropdown(
            options=field_options(t("map.all_fields")), value="", layout=ipw.Layout(width="280px")
        )
        self.filter_sector = ipw.Dropdown(
            options=[(t("map.all_sectors"), "")], value="", layout=ipw.Layout(width="230px")
        )
        self.on_value(self.filter_field, lambda _: self.draw())
        self.on_value(self.filter_sector, lambda _: self.draw())
        self.pick = ipw.Combobox(placeholder=t("map.select"), ensure_option=True, layout=ipw.Layout(width="260px"))
        self.on_value(self.pick, self._picked)
        self.summary = html()
        self.canvas = css(ipw.Box(layout=ipw.Layout(width="100%", min_height=f"{MAP_HEIGHT}px")), "rl-map-canvas")
        self.canvas.children = [html(f"<div class='rl-muted rl-map-empty'>{escape(t('map.drawing'))}</div>")]
        self.legend = html()
        self.details = html()
        self.form: ActorForm | None = None  # built at the first click on an actor: a page without one saves ~120 models
        self.panel = css(
            ipw.VBox([self.details], layout=ipw.Layout(flex="0 1 340px", min_width="280px")), "rl-map-panel"
        )
        self.children = [
            ipw.HBox(
                [
                    ipw.VBox([label(t("map.filter_field")), self.filter_field]),
                    ipw.VBox([label(t("map.filter_sector")), self.filter_sector]),
                    ipw.VBox([label(t("field.actor")), self.pick]),
                ],
                layout=ipw.Layout(flex_flow="row wrap", grid_gap="12px", align_items="flex-end"),
            ),
            html(f"<div class='rl-help'>{escape(t('map.help'))}</div>"),
            self.summary,
            ipw.HBox(
                [
                    ipw.VBox([self.canvas, self.legend], layout=ipw.Layout(flex="1 1 600px", min_width="320px")),
                    self.panel,
                ],
                layout=ipw.Layout(flex_flow="row wrap", grid_gap="16px", align_items="flex-start"),
            ),
            self.notice,
        ]
        self.start()

    # reading

    def preparation(self):
        return _import_drawing

    def refresh(self) -> None:
        network = load_network(self.workbook)
        if network.fingerprint == self.network.fingerprint and self.sigma is not None:
            return
        self.network = network
        self.positions = spring_positions(network, self.positions or None)
        sectors = network.sectors()
        offer(self.filter_sector, [(t("map.all_sectors"), "")] + [(sector_label(s), s) for s in sectors])
        offer(self.pick, network.names())
        if self.form is not None:
            self.form.set_sector_options(sectors)
        if self.selected not in network.by_id:
            self.selected = None
        self.draw()
        self.show_selected()

    def visible_actors(self) -> list[MapEntry]:
        field, sector = self.filter_field.value, self.filter_sector.value
        return [
            a
            for a in self.network.actors
            if (not field or field in a.record.handlungsfelder) and (not sector or a.record.sector == sector)
        ]

    def draw(self) -> None:
        """A new map for the current filter, with the old map's camera."""
        actors = self.visible_actors()
        old = self.sigma
        camera = dict(old.camera_state) if old is not None else None
        if not self.network.actors or not actors:
            self.sigma = None
            empty = t("map.empty") if not self.network.actors else t("map.none_match")
            self.canvas.children = [html(f"<div class='rl-muted rl-map-empty'>{escape(empty)}</div>")]
            self.summary.value = ""
        else:
            colours = sector_colours(self.network.sectors())
            graph = map_graph(self.network, actors, colours)
            options = dict(
                height=MAP_HEIGHT,
                raw_node_color="color",
                raw_edge_color="color",
                raw_node_size="size",
                raw_edge_size="size",
                layout={n: {"x": x, "y": y} for n, (x, y) in self.positions.items() if n in graph},
                hide_info_panel=True,
                hide_search=True,
                label_font="Source Sans Pro, sans-serif",
                **LABELS,
                selected_node=self.selected if self.selected in graph else None,
            )
            options["camera_state"] = camera or FIRST_CAMERA
            from ipysigma import Sigma

            self.sigma = Sigma(graph, **options)
            self.on_value(self.sigma, self._clicked, "selected_node")
            self.canvas.children = [self.sigma]
            # two relations of different kinds between the same pair are one line on the map, but count twice
            relations = sum(
                1 for r in self.network.relations if r.record.source_id in graph and r.record.target_id in graph
            )
            self.summary.value = (
                f"<div class='rl-muted rl-small'>"
                f"{escape(t('map.shown', actors=graph.number_of_nodes(), relations=relations))}</div>"
            )
            self.legend.value = self._legend(colours)
        if old is not None:
            close_tree(old)

    def _legend(self, colours: dict[str, str]) -> str:
        sectors = "".join(
            f"<span class='rl-legend-item'><span class='rl-dot' style='background:{colours[s]}'></span>"
            f"{escape(sector_label(s))}</span>"
            for s in self.network.sectors()
        )
        kinds = "".join(
            f"<span class='rl-legend-item'><span class='rl-line' style='background:{RELATION_COLOURS[k]}'></span>"
            f"{escape(label_)}</span>"
            for k, label_ in RELATION_KINDS.items()
        )
        return (
            f"<div class='rl-legend'>{sectors}</div><div class='rl-legend'>{kinds}"
            f"<span class='rl-legend-item rl-muted'>{escape(t('map.legend_size'))}</span></div>"
        )

    def show_selected(self) -> None:
        actor = self.network.by_id.get(self.selected or "")
        if actor is None:
            self.details.value = f"<div class='rl-muted'>{escape(t('map.no_selection'))}</div>"
            if self.form is not None:
                self.form.layout.display = "none"
            return
        ties = [r.record for r in self.network.relations if actor.id in (r.record.source_id, r.record.target_id)]
        lines = "".join(f"<li>{relation_line(self.network, r)}</li>" for r in ties)
        self.details.value = (
            f"<div class='rl-map-selected'><div class='rl-member-name'>{escape(actor.name)}</div>"
            f"<div>{actor_chips(actor)}</div>"
            f"{f'<ul class=rl-ties>{lines}</ul>' if lines else ''}</div>"
        )
        if self.form is None:
            self.form = ActorForm(self, self._saved, compact=True, on_cancel=lambda: self.select(None))
            self.form.set_sector_options(self.network.sectors())
            self.panel.children = [self.details, self.form]
        self.form.layout.display = ""
        if self.form.editing is None or self.form.editing.id != actor.id or self.form.editing.version != actor.version:
            self.form.load(actor)

    # choosing

    def select(self, actor_id: str | None) -> None:
        if actor_id == self.selected:
            return
        self.selected = actor_id
        self.show_selected()

    def _clicked(self, node: str | None) -> None:
        if node is not None:
            self.select(node)

    def _picked(self, actor_id: str) -> None:
        actor = self.network.find(actor_id)
        if actor is not None:
            self.select(actor.id)

    def _saved(self, stored) -> None:
        self.selected = stored.record.id
        self.refresh()
