"""The region as a printable map: its areas, the Gemeinden as labelled points, the districts around."""

from __future__ import annotations

import math

from regionallabor.dokumente.charts import GREEN, GREEN_DARK, GREY, OCHRE, Chart, draw_chart


def _rings(geometry: dict) -> list[list[tuple[float, float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(x, y) for x, y, *_ in polygon[0]] for polygon in polygons]


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
