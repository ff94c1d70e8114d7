"""The course tools people click: ipywidgets compositions over the ``regionallabor`` domain.

Notebooks call ``open_course_page()`` once, then one tool per cell.
"""

from .page import open_course_page
from .region import RegionEditor
from .start import BinderWarning, ModuleOverview, WorkbookTransfer
from .team import TeamEditor

__all__ = ["open_course_page", "BinderWarning", "ModuleOverview", "RegionEditor", "TeamEditor", "WorkbookTransfer"]
