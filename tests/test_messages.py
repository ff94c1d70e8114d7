"""Every message a tool asks for is in the catalog, and English falls back to German."""

from __future__ import annotations

import re
from pathlib import Path

from regionallabor.core.messages import MESSAGES, t

ROOT = Path(__file__).resolve().parent.parent


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in [*ROOT.joinpath("regionallabor").glob("*.py"), *ROOT.joinpath("widgets").glob("*.py")]:
        used |= set(re.findall(r"\bt\(\s*\"([a-z_.0-9]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no message keys found"
    assert sorted(used - set(MESSAGES["de"])) == []


def test_a_missing_translation_falls_back_to_german(monkeypatch):
    monkeypatch.setenv("REGIONALLABOR_LANG", "en")
    assert t("saved") == "Gespeichert"
