"""Modul 3 · Beziehungsnetz: the actor map and its rules, its analysis, its CSV files, the Selbstcheck."""
