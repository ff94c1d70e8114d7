"""What the actor map shows (Modul 3): bridge builders, isolated actors, gaps, and whom to approach next.

The measures follow social network analysis as Kumu and Gephi compute it, on the relations that
carry cooperation (kooperiert, kennt sich, finanziert/fördert); a Spannung/Konflikt is drawn on the
map but is no path through which a bridge builder connects people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from regionallabor.core.messages import SECTORS
from regionallabor.core.model import sector_label
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul3.beziehungsnetz import MapEntry, Network

if TYPE_CHECKING:  # imported where a graph is built: a page with an empty network never loads them
    import networkx as nx

CARRYING_KINDS = frozenset({"kooperiert", "kennt_sich", "foerdert"})
# Up to this many actors betweenness is exact; beyond it Brandes' algorithm starts from a sample of sources.
EXACT_BETWEENNESS_LIMIT = 300
SAMPLED_SOURCES = 100
BRIDGES_SHOWN = 5
SUGGESTIONS_SHOWN = 8
NO_CONTACT = ("bekannt", "keiner")
CLOSE = ("eng", "kontakt")


def carrying_graph(network: Network) -> nx.Graph:
    """Undirected graph of all actors, joined by the relations that carry cooperation."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(actor.id for actor in network.actors)
    for stored in network.relations:
        relation = stored.record
        if relation.kind in CARRYING_KINDS:
            graph.add_edge(relation.source_id, relation.target_id)
    return graph


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Share of shortest paths between other actors that pass through each actor (0 … 1)."""
    import networkx as nx

    if graph.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(graph)
    return nx.betweenness_centrality(graph, k=SAMPLED_SOURCES, seed=1)


@dataclass(frozen=True)
class Bridge:
    actor: MapEntry
    share: float  # betweenness: share of shortest paths between others through this actor
    sectors: tuple[str, ...]  # sector labels of the actor's neighbours, the actor's own first
    cut_point: bool  # without this actor, its part of the network falls apart


@dataclass(frozen=True)
class GapMatrix:
    """How many actors each sector has in each Handlungsfeld: „wo fehlt wer?“."""

    sectors: tuple[str, ...]
    counts: dict[tuple[str, str], int]
    without_field: int  # actors with no Handlungsfeld, counted in no column

    def missing_by_field(self) -> dict[str, list[str]]:
        """For each field, the labels of sectors with no actor in it."""
        return {
            field: [sector_label(s) for s in self.sectors if not self.counts.get((s, field))] for field in ALL_FIELDS
        }


@dataclass(frozen=True)
class Suggestion:
    actor: MapEntry
    reasons: tuple[str, ...]
    door_openers: tuple[str, ...]  # names of actors the team knows well who know this actor
    score: float


@dataclass(frozen=True)
class Analysis:
    bridges: list[Bridge]
    isolated: list[MapEntry]
    islands: int  # groups of at least two actors with no carrying relation between them
    conflicts: list[tuple[str, str]]
    gaps: GapMatrix
    suggestions: list[Suggestion]
    exact: bool


def gap_matrix(network: Network) -> GapMatrix:
    counts: dict[tuple[str, str], int] = {}
    for actor in network.actors:
        for field in actor.record.handlungsfelder:
            counts[(actor.record.sector, field)] = counts.get((actor.record.sector, field), 0) + 1
    without = sum(1 for actor in network.actors if not actor.record.handlungsfelder)
    # Every standard sector gets a row, used or not: a sector nobody represents is the biggest gap.
    own = [s for s in network.sectors() if s not in SECTORS]
    return GapMatrix((*SECTORS, *own), counts, without)


def _bridges(network: Network, graph: nx.Graph, shares: dict[str, float]) -> list[Bridge]:
    import networkx as nx

    cut_points = set(nx.articulation_points(graph))
    ranked = sorted(
        (a for a in network.actors if shares.get(a.id, 0) > 0), key=lambda a: (-shares[a.id], a.name.casefold())
    )[:BRIDGES_SHOWN]
    bridges = []
    for actor in ranked:
        neighbour_sectors = {network.by_id[n].record.sector for n in graph.neighbors(actor.id)}
        others = sorted(neighbour_sectors - {actor.record.sector}, key=lambda s: sector_label(s).casefold())
        labels = tuple(sector_label(s) for s in [actor.record.sector, *others])
        bridges.append(Bridge(actor, shares[actor.id], labels, actor.id in cut_points))
    return bridges


def _suggestions(network: Network, graph: nx.Graph, shares: dict[str, float], gaps: GapMatrix) -> list[Suggestion]:
    """Actors the team has no contact with yet, the most promising first, with the reasons in German.

    Score: influence and engagement (1–5 each), +2 if the actor is the only one of its sector in one of its
    Handlungsfelder, +1 for a bridge builder (top fifth by betweenness), +1 if someone the team knows well
    can introduce them.
    """
    positive = sorted(v for v in shares.values() if v > 0)
    bridge_threshold = positive[int(len(positive) * 0.8)] if positive else 1.0
    suggestions = []
    for actor in network.actors:
        record = actor.record
        if record.team_relation not in NO_CONTACT:
            continue
        reasons, score = [], float(record.influence + record.engagement)
        if record.influence >= 4:
            reasons.append(f"großer Einfluss ({record.influence} von 5)")
        if record.engagement >= 4:
            reasons.append(f"sehr engagiert ({record.engagement} von 5)")
        alone_in = [ALL_FIELDS[f] for f in record.handlungsfelder if gaps.counts.get((record.sector, f)) == 1]
        if alone_in:
            score += 2
            reasons.append(f"einzige:r aus {actor.sector_label} in {', '.join(alone_in)}")
        if shares.get(actor.id, 0) >= bridge_threshold > 0:
            score += 1
            reasons.append("Brückenbauer:in im Netz")
        openers = tuple(
            sorted(
                network.by_id[n].name
                for n in graph.neighbors(actor.id)
                if network.by_id[n].record.team_relation in CLOSE
            )
        )
        if openers:
            score += 1
        suggestions.append(Suggestion(actor, tuple(reasons), openers, score))
    suggestions.sort(key=lambda s: (-s.score, s.actor.name.casefold()))
    return suggestions[:SUGGESTIONS_SHOWN]


_cache: dict[tuple, Analysis] = {}


def analyse(network: Network) -> Analysis:
    """Everything „Was das Netz zeigt“ needs; computed once per state of the map in this kernel."""
    import networkx as nx

    cached = _cache.get(network.fingerprint)
    if cached is not None:
        return cached
    graph = carrying_graph(network)
    shares = betweenness(graph)
    gaps = gap_matrix(network)
    isolated = [a for a in network.actors if graph.degree(a.id) == 0]
    islands = sum(1 for part in nx.connected_components(graph) if len(part) > 1)
    conflicts = [
        (network.by_id[r.record.source_id].name, network.by_id[r.record.target_id].name)
        for r in network.relations
        if r.record.kind == "konflikt"
    ]
    analysis = Analysis(
        _bridges(network, graph, shares),
        isolated,
        islands,
        conflicts,
        gaps,
        _suggestions(network, graph, shares, gaps),
        graph.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT,
    )
    _cache.clear()  # one map per page: keep only the newest
    _cache[network.fingerprint] = analysis
    return analysis


# the influence–engagement grid (power–interest grid after Mendelow / Eden & Ackermann)

QUADRANTS: dict[str, tuple[str, str]] = {
    "schluessel": ("Schlüsselakteur:innen", "eng einbinden: früh fragen, mitentscheiden lassen"),
    "hintergrund": (
        "Einflussreiche im Hintergrund",
        "zufriedenstellen und gewinnen: gezielt ansprechen, Nutzen zeigen",
    ),
    "mitstreiter": ("Mitstreiter:innen", "informieren und beteiligen: sie tragen eure Ideen weiter"),
    "zaungaeste": ("Zaungäste", "im Blick behalten: informieren, wenn es sie betrifft"),
}


def quadrant(influence: int, engagement: int) -> str | None:
    """The grid's quadrant for ratings from 1 to 5; a 3 on either axis is the middle and belongs to none."""
    if influence == 3 or engagement == 3:
        return None
    if influence > 3:
        return "schluessel" if engagement > 3 else "hintergrund"
    return "mitstreiter" if engagement > 3 else "zaungaeste"


# positions on the map

GRAVITY = 1.0


def spring_positions(
    network: Network, previous: dict[str, tuple[float, float]] | None = None, seed: int = 7
) -> dict[str, tuple[float, float]]:
    """Force-directed positions (Fruchterman–Reingold, as networkx's spring layout), in 0 … 1.

    Actors placed before keep their place as a start, so a new actor does not reshuffle the map.
    All relations pull, conflicts too: who is in conflict works on the same thing. A weak pull
    to the centre (as in ForceAtlas2) keeps actors without relations from drifting to the edge.
    """
    ids = [actor.id for actor in network.actors]
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.5, 0.5)}
    import numpy as np

    index = {actor_id: i for i, actor_id in enumerate(ids)}
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    known = [i for i, actor_id in enumerate(ids) if previous and actor_id in previous]
    for i in known:
        pos[i] = previous[ids[i]]
    # n × n float32 arrays, x and y apart: the map of 2,000 actors a network file may bring lays out in seconds
    weights = np.zeros((n, n), dtype=np.float32)
    for stored in network.relations:
        i, j = index[stored.record.source_id], index[stored.record.target_id]
        weights[i, j] = weights[j, i] = 1.0
    settled = len(known) > n // 2
    iterations = 15 if settled or n > 1000 else (50 if n <= 200 else 30)
    k = np.float32(np.sqrt(1.0 / n))
    temperature = 0.02 if settled else 0.1
    cooling = temperature / (iterations + 1)
    pos = pos.astype(np.float32)
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        distance = np.maximum(np.hypot(dx, dy), np.float32(0.01))
        force = k * k / (distance * distance) - weights * distance / k
        displacement = np.stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)], axis=1)
        displacement -= GRAVITY * (pos - pos.mean(axis=0))
        length = np.hypot(displacement[:, 0], displacement[:, 1])
        length = np.where(length < 0.01, 0.1, length)
        pos += displacement * (temperature / length)[:, None]
        temperature -= cooling
    low, span = pos.min(axis=0), np.maximum(pos.max(axis=0) - pos.min(axis=0), 1e-9)
    pos = (pos - low) / span
    return {actor_id: (float(pos[i, 0]), float(pos[i, 1])) for i, actor_id in enumerate(ids)}
