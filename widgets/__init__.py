"""The course tools people click: ipywidgets compositions over the ``regionallabor`` domain.

One subpackage per course module (``widgets.modul3``), the shared pieces in ``widgets.base``;
notebooks import each tool from where it lives.
"""
