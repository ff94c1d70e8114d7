"""Sphinx settings for the handbook „Mitmach-Konferenz“ (MyST Markdown, German).

Build: ``python -m regionallabor handbook`` (HTML into handbook/_build/html, PDF with ``--pdf``).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent))

project = "Handbuch Mitmach-Konferenz"
author = "Mitmach-Regionen Initiative"
copyright = "2026, Mitmach-Regionen Initiative – CC BY 4.0"
language = "de"

extensions = ["myst_parser", "vorlagen"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "README.md"]
suppress_warnings = []

html_theme = "furo"
html_title = "Handbuch Mitmach-Konferenz"
html_static_path = ["_static"]
html_css_files = ["handbuch.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": "#2f6f4e",
        "color-brand-content": "#2f6f4e",
        "font-stack": "'Source Sans 3', 'Segoe UI', Helvetica, Arial, sans-serif",
    }
}

rinoh_documents = [
    dict(
        doc="index",
        target="handbuch-mitmach-konferenz",
        title="Handbuch Mitmach-Konferenz",
        subtitle="Organisieren, einladen, moderieren, weitermachen",
        author="Mitmach-Regionen Initiative",
    )
]
