"""The region as a map: its areas, Gemeinden without a boundary as points inside their district, the
Gemeinden and districts around it named – drawn twice from one frame: as plain SVG (``region_map_svg``, for
the pages and every HTML document, no library, no tiles) and with matplotlib (``region_map_chart``, the PNG
in a PDF).

A Gemeinde has no boundary in the shipped data, so a map of one alone would be a dot in an empty box: the
map shows its whole district instead – the outline, the Gemeinden in it as small dots, the larger ones named
– and the districts around it with their names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from html import escape

from regionallabor.dokumente.charts import GREEN, GREEN_DARK, GREY, OCHRE, Chart, draw_chart

LABEL_SIZE = 11  # px at the SVG's 720 px width
NAMED_PLACES = 12  # neighbouring Gemeinden named at most; the others stay dots


@dataclass(frozen=True)
class Place:
    """A Gemeinde around the region, drawn as a small dot; ``weight`` (its population) decides who is named."""

    name: str
    lat: float
    lon: float
    weight: float = 0.0


@dataclass(frozen=True)
class MapFrame:
    """Where a point of ``bounds`` ((south, west), (north, east)) lies on a ``width`` × ``height`` map, with
    longitude scaled by the cosine of the latitude so that the region keeps its shape; y grows downwards."""

    bounds: tuple[tuple[float, float], tuple[float, float]]
    width: float
    height: float

    @cached_property
    def _scale(self) -> tuple[float, float, float, float]:
        (south, west), (north, east) = self.bounds
        ratio = math.cos(math.radians((south + north) / 2))
        scale = min(self.width / max((east - west) * ratio, 1e-6), self.height / max(north - south, 1e-6))
        x0 = (self.width - (east - west) * ratio * scale) / 2
        y0 = (self.height - (north - south) * scale) / 2
        return ratio, scale, x0, y0

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        (_south, west), (north, _east) = self.bounds
        ratio, scale, x0, y0 = self._scale
        return x0 + (lon - west) * ratio * scale, y0 + (north - lat) * scale

    def inside(self, x: float, y: float) -> bool:
        return 0 <= x <= self.width and 0 <= y <= self.height


@dataclass(frozen=True)
class RegionMap:
    """What a map of the region shows – the same for the page's SVG and the PDF's chart."""

    features: list[dict]  # the chosen areas with a boundary
    parents: list[dict]  # the districts of chosen Gemeinden without one
    context: list[dict]  # the districts around
    points: list[tuple[str, float, float]]  # the chosen Gemeinden without a boundary: (name, lat, lon)
    places: list[Place]  # the other Gemeinden of those districts
    bounds: tuple[tuple[float, float], tuple[float, float]]

    def svg(self, title: str, width: int = 720, height: int = 380) -> str:
        return region_map_svg(
            self.features, self.parents, self.context, self.points, self.bounds, title, width, height, self.places
        )


def map_aspect(bounds, lowest: float = 0.45, highest: float = 1.2) -> float:
    """Height / width of a map that shows ``bounds`` in their shape, within sensible limits for a page."""
    (south, west), (north, east) = bounds
    ratio = math.cos(math.radians((south + north) / 2))
    return min(max((north - south) / max((east - west) * ratio, 1e-6), lowest), highest)


def _rings(geometry: dict, holes: bool = False) -> list[list[tuple[float, float]]]:
    """Each polygon's outer ring; with ``holes`` its inner rings too (to draw with the even-odd rule)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(x, y) for x, y, *_ in ring] for polygon in polygons for ring in (polygon if holes else polygon[:1])]


def _middle(feature: dict) -> tuple[float, float]:
    """(lon, lat) in the middle of a feature's largest ring – where its name goes."""
    ring = max(_rings(feature["geometry"]), key=len)
    return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)


@dataclass(frozen=True)
class Label:
    text: str
    x: float  # where the text starts (anchor "start") or is centred ("middle")
    y: float
    anchor: str  # "start", "end" or "middle"
    kind: str  # "own" (the region), "place" (a Gemeinde around), "parent" (its district), "district" (one around)


def _visible_middle(frame: MapFrame, feature: dict) -> tuple[float, float] | None:
    """Where a district's name goes on the map: the middle of the part of it that is in the frame."""
    inside = [
        xy for ring in _rings(feature["geometry"]) for xy in (frame.xy(x, y) for x, y in ring) if frame.inside(*xy)
    ]
    if len(inside) < 3:
        return None
    return sum(x for x, _ in inside) / len(inside), sum(y for _, y in inside) / len(inside)


def place_labels(
    frame: MapFrame,
    own: list[tuple[str, float, float]],
    places: list[Place],
    districts: list[dict],
    size: float = LABEL_SIZE,
    most: int = NAMED_PLACES,
    parents: list[dict] = (),
    features: list[dict] = (),
) -> list[Label]:
    """Names that do not overlap: the region's own points first, then the largest Gemeinden around (right of
    their dot, or left where the right edge is near), then the district they lie in and the districts around,
    centred where there is room."""
    char, half = size * 0.56, size * 0.62
    taken: list[tuple[float, float, float, float]] = []
    labels: list[Label] = []

    def fits(box) -> bool:
        left, top, right, bottom = box
        if left < 2 or right > frame.width - 2 or top < 2 or bottom > frame.height - 2:
            return False
        return not any(left < r and right > l_ and top < b and bottom > t_ for l_, t_, r, b in taken)

    def take(text: str, x: float, y: float, kind: str, sides=("start", "end"), force: bool = False) -> bool:
        width = len(text) * char * (1.08 if kind == "own" else 1.0)
        for anchor in sides:
            left = {"start": x + 7, "end": x - 7 - width, "middle": x - width / 2}[anchor]
            box = (left, y - half, left + width, y + half)
            if fits(box) or (force and anchor == sides[-1]):
                taken.append(box)
                labels.append(Label(text, {"start": x + 7, "end": x - 7, "middle": x}[anchor], y, anchor, kind))
                return True
        return False

    dots = [frame.xy(lon, lat) for _, lat, lon in own] + [frame.xy(p.lon, p.lat) for p in places]
    taken += [(x - 4, y - 4, x + 4, y + 4) for x, y in dots if frame.inside(x, y)]
    for name, lat, lon in own:
        take(name, *frame.xy(lon, lat), "own", force=True)
    for feature in features:  # a Kreis or Bezirk of the region: its name in its middle
        take(feature["properties"]["name"], *frame.xy(*_middle(feature)), "own", sides=("middle",), force=True)
    named = 0
    for place in sorted(places, key=lambda p: -p.weight):
        x, y = frame.xy(place.lon, place.lat)
        if named < most and frame.inside(x, y) and take(place.name, x, y, "place"):
            named += 1
    for parent in parents:  # its name inside its outline, near the top or the bottom, clear of the Gemeinden
        ring = [frame.xy(x, y) for x, y in max(_rings(parent["geometry"]), key=len)]
        top, bottom = min(y for _, y in ring), max(y for _, y in ring)
        middle = sum(x for x, _ in ring) / len(ring)
        rows = [top + size * k for k in (3.0, 4.4, 5.8)] + [bottom - size * k for k in (3.0, 4.4)]
        for x, y in ((x, y) for y in rows for x in (middle, middle - 4 * size, middle + 4 * size)):
            if take(parent["properties"]["name"], x, y, "parent", sides=("middle",)):
                break
    for district in districts:
        where = _visible_middle(frame, district)
        if where is not None:
            take(district["properties"]["name"], *where, "district", sides=("middle",))
    return labels


# matplotlib, for the PDF


def region_map_chart(content: RegionMap, title: str, png: bool = False) -> Chart:
    """The map of ``region_map_svg`` as a chart: the same frame, areas, dots and names."""
    from matplotlib.collections import PolyCollection
    from matplotlib.patheffects import withStroke

    aspect = map_aspect(content.bounds)
    frame = MapFrame(content.bounds, 720, 720 * aspect)
    projected = lambda features: [[frame.xy(x, y) for x, y in ring] for f in features for ring in _rings(f["geometry"])]
    labels = place_labels(
        frame, content.points, list(content.places), content.context, parents=content.parents, features=content.features
    )
    halo = [withStroke(linewidth=2.5, foreground="white")]
    style = {
        "own": {"fontsize": 9.5, "color": GREEN_DARK, "fontweight": "bold"},
        "place": {"fontsize": 7.5, "color": "#3d4a43"},
        "parent": {"fontsize": 8.5, "color": GREEN, "fontstyle": "italic", "fontweight": "bold"},
        "district": {"fontsize": 7.5, "color": "#7b857f", "fontstyle": "italic"},
    }

    def draw(figure, ax):
        ax.add_collection(
            PolyCollection(projected(content.context), facecolor="#eef0ea", edgecolor="#ffffff", linewidth=1.2)
        )
        ax.add_collection(
            PolyCollection(
                projected(content.parents), facecolor="#e3eee6", edgecolor=GREEN, linewidth=1.3, linestyle=(0, (4, 2))
            )
        )
        ax.add_collection(
            PolyCollection(projected(content.features), facecolor="#b8d6c3", edgecolor=GREEN_DARK, linewidth=1.6)
        )
        for place in content.places:
            x, y = frame.xy(place.lon, place.lat)
            ax.plot([x], [y], "o", color=GREY, markeredgecolor="white", markeredgewidth=0.6, markersize=4)
        for _name, lat, lon in content.points:
            x, y = frame.xy(lon, lat)
            ax.plot([x], [y], "o", color=OCHRE, markeredgecolor=GREEN_DARK, markeredgewidth=1.4, markersize=9)
        for label in labels:
            ha = {"start": "left", "end": "right", "middle": "center"}[label.anchor]
            ax.text(label.x, label.y, label.text, ha=ha, va="center", path_effects=halo, **style[label.kind])
        ax.set_xlim(0, frame.width)
        ax.set_ylim(frame.height, 0)
        ax.set_aspect("equal")
        ax.axis("off")

    return draw_chart(
        draw, 6.4, 6.4 * aspect, title, margins={"left": 0.0, "right": 1.0, "top": 1.0, "bottom": 0.0}, png=png
    )


# SVG, for the pages and the HTML documents
SELECTED_STYLE = 'fill="#2f6f4e" fill-opacity="0.45" stroke="#1f4d36" stroke-width="2"'
PARENT_STYLE = 'fill="#cfe3d6" fill-opacity="0.6" stroke="#2f6f4e" stroke-width="1.5" stroke-dasharray="4"'
CONTEXT_STYLE = 'fill="#b9c4bd" fill-opacity="0.55" stroke="#ffffff" stroke-width="1"'
POINT_STYLE = 'r="7" fill="#d9922e" stroke="#1f4d36" stroke-width="2"'
PLACE_STYLE = 'r="3" fill="#6b7770" stroke="#ffffff" stroke-width="1"'
LABEL_STYLES = {
    "own": f'font-size="{LABEL_SIZE + 1}" font-weight="700" fill="#1f4d36"',
    "place": f'font-size="{LABEL_SIZE}" fill="#2f3b35"',
    "parent": f'font-size="{LABEL_SIZE + 1}" font-style="italic" font-weight="700" fill="#2f6f4e"',
    "district": f'font-size="{LABEL_SIZE}" font-style="italic" fill="#56625b"',
}


def region_map_svg(
    features: list[dict],
    parents: list[dict],
    context: list[dict],
    points: list[tuple[str, float, float]],
    bounds: tuple[tuple[float, float], tuple[float, float]],
    title: str,
    width: int = 720,
    height: int = 380,
    places: list[Place] = (),
) -> str:
    """The chosen areas, the districts of Gemeinden drawn as points, the Gemeinden and districts around with
    their names – within ``bounds``. Each area and dot carries its name as a tooltip too."""
    frame = MapFrame(bounds, width, height)

    def path(feature: dict, style: str, named: bool) -> str:
        rings = _rings(feature["geometry"], holes=True)
        d = " ".join("M" + " L".join("{:.1f},{:.1f}".format(*frame.xy(x, y)) for x, y in ring) + "Z" for ring in rings)
        tooltip = f"<title>{escape(feature['properties'].get('name', ''))}</title>" if named else ""
        return f'<path d="{d}" fill-rule="evenodd" {style}>{tooltip}</path>'

    layers = [path(f, CONTEXT_STYLE, False) for f in context]
    layers += [path(f, PARENT_STYLE, True) for f in parents]
    layers += [path(f, SELECTED_STYLE, True) for f in features]
    for place in places:
        x, y = frame.xy(place.lon, place.lat)
        layers.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" {PLACE_STYLE}><title>{escape(place.name)}</title></circle>')
    for name, lat, lon in points:
        x, y = frame.xy(lon, lat)
        layers.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" {POINT_STYLE}><title>{escape(name)}</title></circle>')
    for label in place_labels(frame, points, list(places), context, parents=parents, features=features):
        layers.append(
            f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="{label.anchor}" dominant-baseline="central" '
            f'{LABEL_STYLES[label.kind]} stroke="#ffffff" stroke-width="3" paint-order="stroke" '
            f'font-family="Source Sans Pro, DejaVu Sans, sans-serif">{escape(label.text)}</text>'
        )
    return (
        f'<svg class="rl-region-map" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f'<rect width="{width}" height="{height}" fill="#eef2f4"/>{"".join(layers)}</svg>'
    )
