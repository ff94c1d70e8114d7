"""Charts with matplotlib, drawn as SVG text for pages and HTML, and as PNG for the PDF (no pyplot, no widget)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape

from regionallabor.core.formatting import format_decimal, format_int

GREEN = "#2f6f4e"


GREEN_DARK = "#1f4d36"


OCHRE = "#d9922e"


GREY = "#b9c4bd"


INK = "#1f2a24"


MUTED = "#5d6b63"


MEN = "#4a7fa8"


WOMEN = "#c0674a"


STYLE = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial"],
    "font.size": 10,
    "text.color": INK,
    "axes.edgecolor": GREY,
    "axes.labelcolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def new_figure(width: float, height: float, margins: dict | None, **subplot):
    from matplotlib.figure import Figure  # imported on first chart: pages without charts load faster

    # Fixed margins where the layout is known: constrained layout costs a second drawing pass.
    figure = Figure(figsize=(width, height), layout=None if margins else "constrained")
    if margins:
        figure.subplots_adjust(**margins)
    return figure, figure.add_subplot(**subplot)


def svg_text(figure, title: str) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    # Responsive: the page decides the width; the viewBox keeps the proportions.
    svg = re.sub(
        r'<svg([^>]*?) width="[^"]+" height="[^"]+"',
        rf'<svg\1 class="rl-chart" role="img" aria-label="{escape(title)}"',
        svg,
        count=1,
    )
    return svg


def german_ticks(axis, digits: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: format_int(v) if digits == 0 else format_decimal(v, digits)))


@dataclass(frozen=True)
class Chart:
    """A chart for every medium: SVG for pages and HTML, PNG (if asked for) for the PDF, and its proportions."""

    svg: str
    png: bytes | None
    aspect: float  # height / width


def png_bytes(figure) -> bytes:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="png", dpi=150, facecolor="white")
    return buffer.getvalue()


def draw_chart(
    draw, width: float, height: float, title: str, margins: dict | None = None, png: bool = False, **subplot
) -> Chart:
    import matplotlib

    with matplotlib.rc_context(STYLE):
        figure, axes = new_figure(width, height, margins, **subplot)
        draw(figure, axes)
    return Chart(svg_text(figure, title), png_bytes(figure) if png else None, height / width)


def draw_svg(draw, width: float, height: float, title: str, margins: dict | None = None, **subplot) -> str:
    return draw_chart(draw, width, height, title, margins, **subplot).svg


def shortened(text: str, limit: int = 36) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
