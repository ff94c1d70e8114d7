"""The course tools people click: ipywidgets compositions over the ``regionallabor`` domain.

One subpackage per course module (``regionallabor_widgets.modul3``), the shared pieces in ``regionallabor_widgets.base``;
notebooks import each tool from where it lives.
"""
