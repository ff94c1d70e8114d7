"""The Regionalprofil: everything a team worked out in the six modules, as one document (HTML and PDF).

Private persons can be pseudonymised; a worksheet's snapshot renders the sections of its module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from regionallabor.core.formatting import format_date
from regionallabor.core.messages import t
from regionallabor.core.model import Member, Region
from regionallabor.core.privacy import name_scrubber
from regionallabor.core.store import Arbeitsmappe
from regionallabor.dokumente.dokument import Cards, Document, Heading, Paragraph, Table
from regionallabor.dokumente.kopf import team_name
from regionallabor.modul3.beziehungsnetz import Network, load_network
from regionallabor.modul6.profilabschnitte import FOR_PRINT, MODULE_SECTIONS, PROFILE_SECTIONS


def regional_profile(workbook: Arbeitsmappe, pseudonymise: bool = False, today: date | None = None) -> Document:
    today = today or date.today()
    network = load_network(workbook)
    scrub = _scrubber(workbook, network, pseudonymise)
    stored_region = workbook.get(Region)
    region = stored_region.record if stored_region else Region()
    document = Document(
        t("profile.title", region=region.name or t("profile.our_region")),
        t("profile.subtitle", team=team_name(workbook)),
        footer=t("profile.footer", date=format_date(today.isoformat()))
        + (" " + t("profile.pseudonymised") if pseudonymise else ""),
    )
    if region.why:
        document.add(Paragraph(region.why, "lead"))
    for section in PROFILE_SECTIONS:
        document.add(*section(workbook, network, today, scrub))
    return _scrubbed(document, scrub) if pseudonymise else document


def module_document(
    workbook: Arbeitsmappe, module: int, pseudonymise: bool = False, today: date | None = None
) -> Document:
    """The Regionalprofil's sections that show one module's work – what a worksheet's snapshot renders."""
    today = today or date.today()
    network = load_network(workbook)
    scrub = _scrubber(workbook, network, pseudonymise)
    document = Document(t("worksheet.document_title", module=module), "")
    token = FOR_PRINT.set(False)  # shown as HTML only: the charts' PNG twins for the PDF are not drawn
    try:
        for section in MODULE_SECTIONS[module]:
            document.add(*section(workbook, network, today, scrub))
    finally:
        FOR_PRINT.reset(token)
    return _scrubbed(document, scrub) if pseudonymise else document


def _scrubber(workbook: Arbeitsmappe, network: Network, pseudonymise: bool) -> Callable[[str], str]:
    """Private persons' names replaced in every text – the team's own names stay – or every text as it is."""
    if not pseudonymise:
        return lambda text: text
    members = [stored.record.name for stored in workbook.list(Member)]
    return name_scrubber((actor.record for actor in network.actors), keep=members)


def _scrubbed(document: Document, scrub) -> Document:
    """The document with every text run through ``scrub`` (charts are drawn from scrubbed labels already)."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, (Heading, Paragraph)):
            block = replace(block, text=scrub(block.text))
        elif isinstance(block, Table):
            block = replace(block, rows=[[scrub(cell) for cell in row] for row in block.rows])
        elif isinstance(block, Cards):
            block = replace(block, items=[(scrub(h), scrub(text)) for h, text in block.items])
        blocks.append(block)
    return replace(document, blocks=blocks, title=scrub(document.title), subtitle=scrub(document.subtitle))
