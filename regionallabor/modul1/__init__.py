"""Modul 1 · Team & Region: the team's changes, the region's figures, the Selbstcheck."""
