"""Setting up a course page: the look, and the team's Arbeitsmappe."""

from __future__ import annotations

from html import escape

from IPython.display import display

from regionallabor.core.formatting import conventions_for, use_conventions
from regionallabor.core.model import Region
from regionallabor.core.store import Arbeitsmappe, WorkbookError

from .elements import html, stylesheet
from .presence import announce_page


def open_course_page(workbook: Arbeitsmappe | None = None, module: int | None = None) -> Arbeitsmappe:
    """Show the course's stylesheet and open the team's workbook (the default one unless given).

    ``module`` (0 the start page) tells the team's other pages who works where now. If the workbook cannot be
    opened, the page says why in German and stops here.
    """
    display(stylesheet())
    try:
        workbook = workbook or Arbeitsmappe.open_default()
    except WorkbookError as error:
        display(html(f"<div class='rl-notice rl-notice-error'>{escape(str(error))}</div>"))
        raise
    region = workbook.get(Region)
    # numbers and money as the team's country writes them; a region changed later counts from the next page
    use_conventions(conventions_for(region.record.country if region else None))
    if module is not None:
        announce_page(workbook, module)
    return workbook
