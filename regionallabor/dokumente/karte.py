"""The region as a map: its areas, Gemeinden without a boundary as points, the districts around.

``region_map_chart`` draws it for the Regionalprofil (matplotlib: SVG for the page, PNG for the PDF);
``region_map_svg`` for Modul 1's page, as plain SVG without any library.
"""

from __future__ import annotations

import math
from html import escape

from regionallabor.dokumente.charts import GREEN, GREEN_DARK, GREY, OCHRE, Chart, draw_chart


def _rings(geometry: dict, holes: bool = False) -> list[list[tuple[float, float]]]:
    """Each polygon's outer ring; with ``holes`` its inner rings too (to draw with the even-odd rule)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(x, y) for x, y, *_ in ring] for polygon in polygons for ring in (polygon if holes else polygon[:1])]


def region_map_chart(
    features: list[dict], context: list[dict], points: list[tuple[str, float, float]], title: str, png: bool = False
) -> Chart:
    """The region's areas (filled), the districts around them (outlines) and Gemeinden without a boundary (dots)."""
    from matplotlib.collections import PolyCollection

    lons = [x for f in features for ring in _rings(f["geometry"]) for x, _ in ring] + [lon for _, _, lon in points]
    lats = [y for f in features for ring in _rings(f["geometry"]) for _, y in ring] + [lat for _, lat, _ in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad = max(east - west, north - south) * 0.12 + 0.03
    ratio = math.cos(math.radians((south + north) / 2))  # degrees of longitude are shorter than of latitude
    aspect = min(max((north - south + 2 * pad) / ((east - west + 2 * pad) * ratio), 0.45), 1.4)

    def draw(figure, ax):
        ax.add_collection(
            PolyCollection(
                [r for f in context for r in _rings(f["geometry"])], facecolor="#f3f1ea", edgecolor=GREY, linewidth=0.6
            )
        )
        ax.add_collection(
            PolyCollection(
                [r for f in features for r in _rings(f["geometry"])],
                facecolor="#cfe3d6",
                edgecolor=GREEN,
                linewidth=1.6,
            )
        )
        for _name, lat, lon in points:
            ax.plot([lon], [lat], "o", color=OCHRE, markeredgecolor=GREEN_DARK, markersize=7)
        for feature in features:
            ring = max(_rings(feature["geometry"]), key=len)
            xs, ys = zip(*ring)
            ax.text(
                sum(xs) / len(xs),
                sum(ys) / len(ys),
                feature["properties"]["name"],
                fontsize=9,
                color=GREEN_DARK,
                ha="center",
                va="center",
            )
        ax.set_xlim(west - pad, east + pad)
        ax.set_ylim(south - pad, north + pad)
        ax.set_aspect(1 / ratio)
        ax.axis("off")

    return draw_chart(
        draw, 6.0, 6.0 * aspect, title, margins={"left": 0.01, "right": 0.99, "top": 0.99, "bottom": 0.01}, png=png
    )


# The page's map (Modul 1): plain SVG, drawn here, so the page needs no map library and no tiles.
SELECTED_STYLE = 'fill="#2f6f4e" fill-opacity="0.45" stroke="#1f4d36" stroke-width="2"'
PARENT_STYLE = 'fill="#cfe3d6" fill-opacity="0.6" stroke="#2f6f4e" stroke-width="1.5" stroke-dasharray="4"'
CONTEXT_STYLE = 'fill="#b9c4bd" fill-opacity="0.55" stroke="#ffffff" stroke-width="1"'
POINT_STYLE = 'r="7" fill="#d9922e" stroke="#1f4d36" stroke-width="2"'


def region_map_svg(
    features: list[dict],
    parents: list[dict],
    context: list[dict],
    points: list[tuple[str, float, float]],
    bounds: tuple[tuple[float, float], tuple[float, float]],
    title: str,
    width: int = 720,
    height: int = 380,
) -> str:
    """The chosen areas, the districts of Gemeinden drawn as points, the districts around – within ``bounds``.

    Longitude is scaled by the cosine of the latitude, so that the region keeps its shape; each area and
    point carries its name as a tooltip.
    """
    (south, west), (north, east) = bounds
    ratio = math.cos(math.radians((south + north) / 2))
    scale = min(width / max((east - west) * ratio, 1e-6), height / max(north - south, 1e-6))
    x0 = (width - (east - west) * ratio * scale) / 2
    y0 = (height - (north - south) * scale) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return x0 + (lon - west) * ratio * scale, y0 + (north - lat) * scale

    def path(feature: dict, style: str, named: bool) -> str:
        rings = _rings(feature["geometry"], holes=True)
        d = " ".join("M" + " L".join("{:.1f},{:.1f}".format(*xy(x, y)) for x, y in ring) + "Z" for ring in rings)
        tooltip = f"<title>{escape(feature['properties'].get('name', ''))}</title>" if named else ""
        return f'<path d="{d}" fill-rule="evenodd" {style}>{tooltip}</path>'

    layers = [path(f, CONTEXT_STYLE, False) for f in context]
    layers += [path(f, PARENT_STYLE, True) for f in parents]
    layers += [path(f, SELECTED_STYLE, True) for f in features]
    for name, lat, lon in points:
        x, y = xy(lon, lat)
        layers.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" {POINT_STYLE}><title>{escape(name)}</title></circle>')
    return (
        f'<svg class="rl-region-map" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f'<rect width="{width}" height="{height}" fill="#eef2f4"/>{"".join(layers)}</svg>'
    )
