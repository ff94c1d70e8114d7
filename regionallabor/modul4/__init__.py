"""Modul 4 · Vision: the Zukunftswerkstatt, the Zukunftsbild and its document, the goals, the Selbstcheck."""
