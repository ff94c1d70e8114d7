"""A language check for the course's own texts: placeholders left behind, and generic masculine forms.

Used by the tests over the handbook, the module pages and the Aktionspool; a finding names the line.
"""

from __future__ import annotations

import re

PLACEHOLDERS = re.compile(r"\b(Lorem|ipsum|TODO|TBD|FIXME|XXX|tbd)\b|\?\?\?")
# Plural forms that leave out everyone but men; the course writes Teilnehmer:innen, Bürger:innen, …
GENERIC_MASCULINE = re.compile(
    r"\b(Teilnehmer|Bürger|Einwohner|Mitarbeiter|Moderatoren|Unterstützer|Akteure|Politiker|"
    r"Landwirte|Direktvermarkter|Sponsoren|Schüler|Lehrer|Referenten)\b(?!:in)"
)


def findings(text: str) -> list[str]:
    """'Zeile n: …' for every placeholder and generic masculine plural in ``text``."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in PLACEHOLDERS.finditer(line):
            found.append(f"Zeile {number}: Platzhalter „{match.group(0)}“")
        for match in GENERIC_MASCULINE.finditer(line):
            found.append(f"Zeile {number}: „{match.group(0)}“ – bitte geschlechtergerecht schreiben")
    return found
