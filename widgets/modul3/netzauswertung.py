"""Modul 3, tools „Was das Netz zeigt“ and „Einfluss-Engagement-Matrix“: the map's analysis in plain German."""

from __future__ import annotations

from html import escape

from regionallabor.core.formatting import german_list
from regionallabor.core.messages import t
from regionallabor.core.model import sector_label
from regionallabor.handlungsfelder import ALL_FIELDS, SHORT_LABELS
from regionallabor.modul3.beziehungsnetz import MapEntry, Network, load_network
from regionallabor.modul3.netzanalyse import (
    EXACT_BETWEENNESS_LIMIT,
    QUADRANTS,
    SAMPLED_SOURCES,
    Analysis,
    analyse,
    quadrant,
)
from regionallabor_widgets.base import WorkbookTool, html
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS
from regionallabor_widgets.modul3.netzwerkkarte import sector_colours

NAMES_LISTED = 30
NAMES_PER_CELL = 6


def names_list(actors: list[MapEntry], limit: int = NAMES_LISTED) -> str:
    names = ", ".join(escape(a.name) for a in actors[:limit])
    rest = len(actors) - limit
    return names + (f" und {rest} weitere" if rest > 0 else "")


def percent(share: float) -> str:
    value = share * 100
    return "unter 1 %" if 0 < value < 1 else f"{value:.0f} %"


def bridges_html(analysis: Analysis) -> str:
    if not analysis.bridges:
        return (
            "<p class='rl-muted'>Noch verbindet niemand andere miteinander. Tragt ein, wer mit wem "
            "zusammenarbeitet – dann seht ihr hier, wer Brücken baut.</p>"
        )
    items = []
    for bridge in analysis.bridges:
        sectors = (
            f"verbindet {escape(german_list(bridge.sectors))}"
            if len(bridge.sectors) > 1
            else f"verbindet Menschen in {escape(bridge.sectors[0])}"
        )
        cut = (
            " <strong>Fällt diese Verbindung weg, zerfällt ein Teil eures Netzes.</strong>" if bridge.cut_point else ""
        )
        items.append(
            f"<li><span class='rl-member-name'>{escape(bridge.actor.name)}</span> – {sectors}. "
            f"{percent(bridge.share)} der kürzesten Wege zwischen anderen führen hier entlang.{cut}</li>"
        )
    estimate = (
        ""
        if analysis.exact
        else f"<p class='rl-help'>Bei mehr als {EXACT_BETWEENNESS_LIMIT} Akteur:innen schätzen wir die Anteile aus den "
        f"Wegen von {SAMPLED_SOURCES} zufällig gewählten Akteur:innen aus; die Reihenfolge bleibt verlässlich.</p>"
    )
    return f"<ol class='rl-insight-list'>{''.join(items)}</ol>{estimate}"


def isolated_html(analysis: Analysis) -> str:
    parts = []
    if analysis.isolated:
        parts.append(
            f"<p><strong>{len(analysis.isolated)} ohne Verbindung:</strong> {names_list(analysis.isolated)}. "
            "Kennen sie wirklich niemanden – oder wisst ihr es nur noch nicht? Fragt bei eurem nächsten "
            "Gespräch nach.</p>"
        )
    else:
        parts.append("<p>Alle Akteur:innen sind mit mindestens einer anderen verbunden.</p>")
    if analysis.islands > 1:
        parts.append(
            f"<p>Euer Netz besteht aus <strong>{analysis.islands} Inseln</strong>, zwischen denen es keine "
            "Verbindung gibt. Wer könnte eine Brücke schlagen?</p>"
        )
    if analysis.conflicts:
        pairs = "; ".join(f"{escape(a)} – {escape(b)}" for a, b in analysis.conflicts[:10])
        parts.append(
            f"<p><strong>Spannungen:</strong> {pairs}. Gut zu wissen, wenn ihr einladt und Tische "
            "zusammenstellt – Spannungen zählen hier nicht als Verbindung.</p>"
        )
    return "".join(parts)


def gap_table_html(network: Network, analysis: Analysis) -> str:
    gaps = analysis.gaps
    head = "".join(f"<th>{escape(SHORT_LABELS[f]).replace(chr(10), '<br>')}</th>" for f in ALL_FIELDS)
    rows = []
    for sector in gaps.sectors:
        cells = []
        for field in ALL_FIELDS:
            count = gaps.counts.get((sector, field), 0)
            state = "empty" if count == 0 else "thin" if count == 1 else "ok"
            cells.append(
                f"<td class='rl-gap-{state}' title='{escape(sector_label(sector))} · {escape(ALL_FIELDS[field])}'>"
                f"{count if count else '–'}</td>"
            )
        rows.append(f"<tr><th scope='row'>{escape(sector_label(sector))}</th>{''.join(cells)}</tr>")
    table = f"<table class='rl-gap-table'><thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    missing = gaps.missing_by_field()
    lines = "".join(
        f"<li><strong>{escape(ALL_FIELDS[f])}:</strong> niemand aus {escape(german_list(sectors))}</li>"
        for f, sectors in missing.items()
        if sectors and len(sectors) < len(gaps.sectors)
    )
    empty_fields = [ALL_FIELDS[f] for f, sectors in missing.items() if len(sectors) == len(gaps.sectors)]
    notes = []
    if empty_fields:
        notes.append(f"<li><strong>Noch ganz ohne Akteur:innen:</strong> {escape(german_list(empty_fields))}</li>")
    if gaps.without_field:
        notes.append(
            f"<li>{gaps.without_field} Akteur:innen haben noch kein Handlungsfeld und zählen hier nicht mit.</li>"
        )
    legend = (
        "<div class='rl-help'>Zahl = Akteur:innen in diesem Sektor und Handlungsfeld · "
        "<span class='rl-gap-empty rl-gap-key'>–</span> niemand · <span class='rl-gap-thin rl-gap-key'>1</span> "
        "nur eine:r – fällt sie weg, fehlt der Sektor</div>"
    )
    return f"{table}{legend}<ul class='rl-insight-list'>{''.join(notes)}{lines}</ul>" if network.actors else ""


def suggestions_html(analysis: Analysis) -> str:
    if not analysis.suggestions:
        return (
            "<p class='rl-muted'>Zu allen auf eurer Landkarte habt ihr schon Kontakt. Schaut in die Matrix oben: "
            "Wer fehlt noch?</p>"
        )
    items = []
    for suggestion in analysis.suggestions:
        reasons = escape(", ".join(suggestion.reasons)) if suggestion.reasons else "noch kein Kontakt"
        opener = (
            f"<div class='rl-help'>Türöffner:in: {escape(german_list(suggestion.door_openers))} – ihr kennt sie gut, "
            "und sie kennt diese Akteur:in.</div>"
            if suggestion.door_openers
            else ""
        )
        items.append(
            f"<li><span class='rl-member-name'>{escape(suggestion.actor.name)}</span> "
            f"<span class='rl-muted'>({escape(suggestion.actor.sector_label)})</span> – {reasons}{opener}</li>"
        )
    return f"<ol class='rl-insight-list'>{''.join(items)}</ol>"


class NetworkReport(WorkbookTool):
    """A read-only view of the actor map as HTML, redrawn only when an actor or a relation changed.

    Subclasses define ``render(network) -> str``.
    """

    SHOWS = NETWORK_KINDS

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.body = html()
        self._fingerprint: tuple | None = None
        self.children = [self.body]
        if self.DRAWS_AFTER_PAGE_LOAD:
            self.body.value = f"<div class='rl-muted'>{escape(t('insights.drawing'))}</div>"
        self.start()

    def refresh(self) -> None:
        network = load_network(self.workbook)
        if network.fingerprint != self._fingerprint:
            self._fingerprint = network.fingerprint
            self.body.value = self.render(network)


class NetworkInsights(NetworkReport):
    """Bridge builders, isolated actors, the sector × Handlungsfeld matrix and whom to approach next."""

    DRAWS_AFTER_PAGE_LOAD = True  # networkx: its import and the analysis of a large network

    def preparation(self):
        network = load_network(self.workbook)
        return lambda: analyse(network)  # kept in netzanalyse's cache for render()

    def render(self, network: Network) -> str:
        if not network.actors:
            return f"<div class='rl-muted'>{escape(t('insights.empty'))}</div>"
        analysis = analyse(network)
        return (
            "<div class='rl-insights'>"
            "<h4 class='rl-heading'>Brückenbauer:innen</h4>"
            "<p class='rl-help'>Sie liegen auf vielen kürzesten Wegen zwischen anderen: Über sie erreicht ihr Menschen, "
            "die sonst nichts voneinander wissen.</p>"
            f"{bridges_html(analysis)}"
            "<h4 class='rl-heading'>Wer steht allein?</h4>"
            f"{isolated_html(analysis)}"
            "<h4 class='rl-heading'>Wo fehlt wer?</h4>"
            f"{gap_table_html(network, analysis)}"
            "<h4 class='rl-heading'>Wen ihr als Nächstes ansprechen könnt</h4>"
            "<p class='rl-help'>Akteur:innen, zu denen ihr noch keinen Kontakt habt – die mit viel Einfluss und "
            "Engagement, die einzigen ihres Sektors in einem Handlungsfeld und solche, zu denen euch jemand den Weg "
            "öffnen kann, zuerst.</p>"
            f"{suggestions_html(analysis)}"
            "</div>"
        )


class InfluenceGrid(NetworkReport):
    """The power–interest grid: every actor placed by influence (up) and engagement (right)."""

    def render(self, network: Network) -> str:
        return grid_html(network)


def grid_html(network: Network) -> str:
    if not network.actors:
        return "<div class='rl-muted'>Sobald ihr Akteur:innen eintragt und einschätzt, stehen sie hier.</div>"
    colours = sector_colours(network.sectors())
    cells: dict[tuple[int, int], list[MapEntry]] = {}
    for actor in network.actors:
        cells.setdefault((actor.record.influence, actor.record.engagement), []).append(actor)
    counts = {key: 0 for key in QUADRANTS}
    rows = []
    for influence in range(5, 0, -1):
        row = [f"<div class='rl-grid-axis'>{influence}</div>"]
        for engagement in range(1, 6):
            here = sorted(cells.get((influence, engagement), []), key=lambda a: a.name.casefold())
            area = quadrant(influence, engagement)
            if area:
                counts[area] += len(here)
            chips = "".join(
                f"<span class='rl-grid-name' style='border-color:{colours[a.record.sector]}'>{escape(a.name)}</span>"
                for a in here[:NAMES_PER_CELL]
            )
            more = (
                f"<span class='rl-muted rl-small'>+{len(here) - NAMES_PER_CELL} weitere</span>"
                if len(here) > NAMES_PER_CELL
                else ""
            )
            row.append(f"<div class='rl-grid-cell rl-grid-{area or 'middle'}'>{chips}{more}</div>")
        rows.append("".join(row))
    footer = "<div></div>" + "".join(f"<div class='rl-grid-axis'>{e}</div>" for e in range(1, 6))
    legend = "".join(
        f"<div class='rl-grid-key rl-grid-{key}'><strong>{escape(title)}</strong> ({counts[key]}): {escape(advice)}</div>"
        for key, (title, advice) in QUADRANTS.items()
    )
    return (
        "<div class='rl-grid-wrap'><div class='rl-grid-ylabel'>Einfluss →</div>"
        f"<div class='rl-grid'>{''.join(rows)}{footer}</div></div>"
        "<div class='rl-grid-xlabel'>Engagement →</div>"
        f"<div class='rl-grid-legend'>{legend}</div>"
        "<div class='rl-help'>Wer bei Einfluss oder Engagement eine 3 hat, steht in der Mitte und gehört keinem Feld an: "
        "Sprecht darüber, wohin sie oder er tendiert.</div>"
    )
