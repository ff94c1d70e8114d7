"""Modul 2 · Region unter der Lupe: figures and comparison, own figures, ratings, Schätze, SWOT, the Selbstcheck."""
