"""Printable documents (the conference programme, the vision board, the Regionalprofil) as HTML and as PDF.

A document is a title and a few blocks – headings, paragraphs, tables, cards, figures – and both renderers
work from that one structure, so the HTML a team opens and the PDF it prints say the same. The PDF
is made with ReportLab and the Bitstream Vera fonts it ships: pure Python, offline, no system libraries.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path

FONT, BOLD = "RL-Vera", "RL-Vera-Bold"
# Vera has no arrows or check marks: replacements for the few the course uses.
GLYPH_FALLBACKS = {"→": "»", "✓": "ja", "★": "*", "✕": "x", "⚠": "!"}
ACCENT = "#2f6f4f"


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # "lead", "body" or "muted"


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[float]  # fractions of the page width
    muted_rows: frozenset[int] = frozenset()  # e.g. breaks in a programme, done tasks


@dataclass(frozen=True)
class Cards:
    """Boxes with a heading and a text, ``columns`` side by side (the vision board's fields)."""

    items: list[tuple[str, str]]
    columns: int = 2


@dataclass(frozen=True)
class Figure:
    """A chart: its markup (SVG, or HTML drawn by the browser) goes into the HTML, its PNG into the PDF;
    ``width`` is a fraction of the page width."""

    markup: str
    png: bytes | None  # None where the document is only shown, never printed
    aspect: float  # height / width
    caption: str = ""
    width: float = 1.0


@dataclass
class Document:
    title: str
    subtitle: str = ""
    blocks: list = field(default_factory=list)
    footer: str = ""

    def add(self, *blocks) -> Document:
        self.blocks.extend(blocks)
        return self


# HTML

HTML_STYLE = f"""
@page {{ size: A4; margin: 16mm 14mm; }}
body {{ font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1f2a24; max-width: 900px;
       margin: 24px auto; padding: 0 16px; line-height: 1.45; }}
h1 {{ color: {ACCENT}; font-size: 1.7em; margin: 0 0 4px; }}
h2 {{ color: {ACCENT}; font-size: 1.2em; margin: 22px 0 8px; border-bottom: 2px solid #cfe3d6; padding-bottom: 3px; }}
.subtitle {{ color: #4b5a52; margin-bottom: 14px; }}
.lead {{ font-size: 1.15em; }}
.muted, .footer {{ color: #6b7770; font-size: 0.9em; }}
table {{ border-collapse: collapse; width: 100%; margin: 6px 0 14px; }}
th {{ text-align: left; background: #e7f1ea; color: #1f2a24; padding: 6px 8px; font-size: 0.92em; }}
td {{ padding: 6px 8px; border-bottom: 1px solid #dfe6e1; vertical-align: top; }}
tr.muted td {{ color: #6b7770; background: #f6f8f7; }}
.cards {{ display: grid; gap: 10px; }}
.card {{ border: 1px solid #cfe3d6; border-left: 5px solid {ACCENT}; border-radius: 6px; padding: 8px 12px;
         break-inside: avoid; }}
.card h3 {{ margin: 0 0 4px; font-size: 1em; color: {ACCENT}; }}
.card p {{ margin: 0; white-space: pre-wrap; }}
figure {{ margin: 8px 0 16px; break-inside: avoid; }}
figure svg {{ width: 100%; height: auto; }}
figcaption {{ color: #6b7770; font-size: 0.88em; margin-top: 2px; }}
.footer {{ margin-top: 24px; border-top: 1px solid #dfe6e1; padding-top: 6px; }}
@media print {{ body {{ margin: 0; max-width: none; }} }}
"""


def _block_html(block) -> str:
    if isinstance(block, Heading):
        return f"<h2>{escape(block.text)}</h2>"
    if isinstance(block, Paragraph):
        return f"<p class='{block.style}'>{escape(block.text)}</p>".replace("\n", "<br>")
    if isinstance(block, Table):
        cols = "".join(f"<col style='width:{w * 100:.0f}%'>" for w in block.widths)
        head = "".join(f"<th>{escape(c)}</th>" for c in block.columns)
        body = "".join(
            ("<tr class='muted'>" if i in block.muted_rows else "<tr>")
            + "".join(f"<td>{escape(cell)}</td>" for cell in row)
            + "</tr>"
            for i, row in enumerate(block.rows)
        )
        return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Cards):
        cards = "".join(f"<div class='card'><h3>{escape(h)}</h3><p>{escape(text)}</p></div>" for h, text in block.items)
        return f"<div class='cards' style='grid-template-columns: repeat({block.columns}, 1fr)'>{cards}</div>"
    if isinstance(block, Figure):
        caption = f"<figcaption>{escape(block.caption)}</figcaption>" if block.caption else ""
        return f"<figure style='max-width:{block.width * 100:.0f}%'>{block.markup}{caption}</figure>"
    raise TypeError(f"unknown block {block!r}")


def body_html(document: Document) -> str:
    """The document without page frame: for a preview inside a course page."""
    parts = [f"<h1>{escape(document.title)}</h1>"]
    if document.subtitle:
        parts.append(f"<div class='subtitle'>{escape(document.subtitle)}</div>")
    parts += [_block_html(block) for block in document.blocks]
    if document.footer:
        parts.append(f"<div class='footer'>{escape(document.footer)}</div>")
    return "\n".join(parts)


def to_html(document: Document) -> str:
    """A standalone HTML page that prints cleanly on A4."""
    return (
        f"<!DOCTYPE html>\n<html lang='de'><head><meta charset='utf-8'><title>{escape(document.title)}</title>"
        f"<style>{HTML_STYLE}</style></head><body>\n{body_html(document)}\n</body></html>\n"
    )


# PDF


@cache
def _fonts() -> frozenset[int]:
    """Register Vera with ReportLab once; returns the code points the font can draw."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    return frozenset(TTFontFile(str(folder / "Vera.ttf")).charToGlyph)


def _pdf_text(text: str) -> str:
    """Text as ReportLab's paragraph markup: escaped, line breaks kept, glyphs Vera lacks replaced."""
    drawable = _fonts()
    safe = "".join(c if ord(c) in drawable or c == "\n" else GLYPH_FALLBACKS.get(c, "·") for c in text)
    return escape(safe, quote=False).replace("\n", "<br/>")


CELL_SIZE = 9.5
CELL_PADDING = 4
KEPT_TOGETHER_ROWS = 6  # a table up to this long moves whole to the next page rather than split
ROWS_AT_A_BREAK = 2  # a longer one splits with at least this many rows on either side of the page break
HEADING_HEIGHT = 34  # a section heading with the space around it, in points


def column_widths(table: Table, width: float) -> list[float]:
    """The table's column widths on a page ``width`` wide: as the table asks, but widened where a column's
    longest word would not fit – ReportLab would break it in the middle („Einschätzu ng“). The space comes
    from columns with room to spare; a column never takes more than half the page for one word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def widest(texts, font) -> float:
        return max((stringWidth(word, font, CELL_SIZE) for text in texts for word in text.split()), default=0)

    wanted = [fraction * width for fraction in table.widths]
    needed = []
    for i, column in enumerate(table.columns):
        cells = [row[i] for row in table.rows if i < len(row)]
        word = max(widest([column], BOLD), widest(cells, FONT))
        needed.append(min(word + 2 * CELL_PADDING + 1, width / 2))
    short = sum(max(n - w, 0) for n, w in zip(needed, wanted))
    spare = [max(w - n, 0) for n, w in zip(needed, wanted)]
    if short == 0 or sum(spare) == 0:
        return wanted
    taken = min(short, sum(spare)) / sum(spare)
    return [max(w, n) if n > w else w - s * taken for n, w, s in zip(needed, wanted, spare)]


@cache
def _table_class():
    """ReportLab's table, split over pages without orphans and widows: at least ``ROWS_AT_A_BREAK`` rows stay
    before a page break (else the whole table moves on) and come after it (else rows move over with them)."""
    from reportlab.platypus import Table as PdfTable

    class TableWithoutOrphans(PdfTable):
        def split(self, available_width, available_height):
            parts = super().split(available_width, available_height)
            if len(parts) != 2:
                return parts
            head = self.repeatRows
            before, after = len(parts[0]._cellvalues) - head, len(parts[1]._cellvalues) - head
            if after < ROWS_AT_A_BREAK and before - (ROWS_AT_A_BREAK - after) >= ROWS_AT_A_BREAK:
                moved = sum(self._rowHeights[head + before - (ROWS_AT_A_BREAK - after) : head + before])
                parts = super().split(available_width, available_height - moved)
                before = len(parts[0]._cellvalues) - head if len(parts) == 2 else before
            start = sum(self._rowHeights[: head + ROWS_AT_A_BREAK])
            # too few rows before the break: the table starts on the next page, unless its start would not
            # fit even there (a row taller than half a page)
            return [] if before < ROWS_AT_A_BREAK and start < 400 else parts

    return TableWithoutOrphans


def to_pdf(document: Document) -> bytes:
    """The document as an A4 PDF."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Image, KeepTogether, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Paragraph as PdfParagraph
    from reportlab.platypus import Table as PdfTable

    _fonts()
    accent = colors.HexColor(ACCENT)
    styles = {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22, textColor=accent, spaceAfter=4),
        "subtitle": ParagraphStyle(
            "subtitle", fontName=FONT, fontSize=10.5, leading=14, textColor=colors.HexColor("#4b5a52"), spaceAfter=8
        ),
        "heading": ParagraphStyle(
            "heading", fontName=BOLD, fontSize=13, leading=16, textColor=accent, spaceBefore=12, spaceAfter=6
        ),
        "lead": ParagraphStyle("lead", fontName=FONT, fontSize=12, leading=16, spaceAfter=12),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, spaceAfter=6),
        "muted": ParagraphStyle(
            "muted", fontName=FONT, fontSize=9, leading=12, textColor=colors.HexColor("#6b7770"), spaceAfter=6
        ),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=CELL_SIZE, leading=12),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=CELL_SIZE, leading=12),
        "card_title": ParagraphStyle("card_title", fontName=BOLD, fontSize=10.5, leading=13, textColor=accent),
    }
    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=document.title,
        author="Regionallabor",
    )
    width = pdf.width
    story = [PdfParagraph(_pdf_text(document.title), styles["title"])]
    if document.subtitle:
        story.append(PdfParagraph(_pdf_text(document.subtitle), styles["subtitle"]))
    headings: list = []  # headings waiting for the block they introduce: a heading never ends a page

    def place(parts: list, kept: bool = True, space: float = 8) -> None:
        """Add a block with the headings before it: kept together on one page, or – a long table, which splits
        over pages by itself – with the headings kept to its first rows."""
        if kept:
            story.append(KeepTogether([*headings, *parts]))
        else:
            story.extend([CondPageBreak(HEADING_HEIGHT * len(headings) + 60), *headings, *parts])
        headings.clear()
        if space:
            story.append(Spacer(1, space))

    for block in document.blocks:
        if isinstance(block, Heading):
            headings.append(PdfParagraph(_pdf_text(block.text), styles["heading"]))
        elif isinstance(block, Paragraph):
            place([PdfParagraph(_pdf_text(block.text), styles[block.style])], space=0)
        elif isinstance(block, Table):
            data = [[PdfParagraph(_pdf_text(c), styles["head"]) for c in block.columns]]
            data += [[PdfParagraph(_pdf_text(cell), styles["cell"]) for cell in row] for row in block.rows]
            widths = column_widths(block, width)
            table = _table_class()(data, colWidths=widths, repeatRows=1)
            commands = [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e7f1ea")),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor("#dfe6e1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ]
            commands += [("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#f6f8f7")) for i in block.muted_rows]
            table.setStyle(TableStyle(commands))
            place([table], kept=len(block.rows) <= KEPT_TOGETHER_ROWS)
        elif isinstance(block, Cards):
            cells = [
                [PdfParagraph(_pdf_text(h), styles["card_title"]), PdfParagraph(_pdf_text(text or "–"), styles["cell"])]
                for h, text in block.items
            ]
            rows = [cells[i : i + block.columns] for i in range(0, len(cells), block.columns)]
            rows[-1] += [""] * (block.columns - len(rows[-1]))
            column = width / block.columns
            grid = PdfTable(rows, colWidths=[column] * block.columns)
            grid.setStyle(
                TableStyle(
                    [
                        ("LINEBEFORE", (0, 0), (-1, -1), 3, accent),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                        ("LEFTPADDING", (0, 0), (-1, -1), 9),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                    ]
                )
            )
            place([grid])
        elif isinstance(block, Figure):
            figure_width = width * block.width
            # A chart taller than the page would stop the layout: scale it down to fit.
            figure_width = min(figure_width, (pdf.height - 40 - HEADING_HEIGHT * len(headings)) / block.aspect)
            image = Image(io.BytesIO(block.png), width=figure_width, height=figure_width * block.aspect)
            image.hAlign = "LEFT"
            parts = [image]
            if block.caption:
                parts.append(PdfParagraph(_pdf_text(block.caption), styles["muted"]))
            place(parts, space=6)
        else:
            raise TypeError(f"unknown block {block!r}")
    story += headings
    if document.footer:
        story += [Spacer(1, 10), PdfParagraph(_pdf_text(document.footer), styles["muted"])]
    pdf.build(story)
    return buffer.getvalue()
