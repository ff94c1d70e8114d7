"""Modul 5 · Strategie & Mitmach-Konferenz: Wirkungslogik, the conference planner and its presets and files."""
