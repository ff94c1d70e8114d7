"""Regionallabor: the course platform's domain – model, Arbeitsmappe, reference data, services.

Nothing in this package imports ipywidgets; the widgets live in ``regionallabor_widgets`` (the folder widgets/).
"""

from regionallabor.core.store import Arbeitsmappe

__all__ = ["Arbeitsmappe"]
__version__ = "0.1.0"
