"""Layers 1–2 and the shared services: the records, the Arbeitsmappe, transfer, messages, formatting, privacy, paths."""
