"""Every message a tool asks for is in the catalog, plurals follow the language's rules, English falls back to German."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regionallabor.core.messages import choices, messages, t

ROOT = Path(__file__).resolve().parent.parent
# t("key", …) and t('key', …), also inside f-strings; keys built at run time (t(f"kinds.{kind}")) are not literals
KEY_CALL = re.compile(r"\bt\(\s*[\"']([a-z_.0-9]+)[\"']")


def source_files() -> list[Path]:
    return [*ROOT.joinpath("regionallabor").rglob("*.py"), *ROOT.joinpath("widgets").rglob("*.py")]


def calls(text: str, start: int) -> str:
    """The call that starts at ``start``, up to its closing parenthesis."""
    depth, index = 0, start
    while True:
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        index += 1
        if depth == 0 and text[index - 1] == ")":
            return text[start:index]


def test_every_key_used_in_the_code_exists():
    used = {key for path in source_files() for key in KEY_CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 500, "the key scan found too few keys – is it still reading every package?"
    assert sorted(used - set(messages())) == []


def test_the_key_scan_finds_keys_inside_f_strings():
    assert KEY_CALL.findall("""f"<b>{escape(t('critique.points', count=n))}</b>" + t("saved")""") == [
        "critique.points",
        "saved",
    ]


def test_every_message_with_plural_forms_is_called_with_a_count():
    plural = {key for key, entry in messages().items() if isinstance(entry, dict)}
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        for match in KEY_CALL.finditer(text):
            if match.group(1) in plural:
                assert "count=" in calls(text, match.start() + 1), f"{path.name}: {calls(text, match.start() + 1)}"


@pytest.mark.parametrize(
    ("key", "count", "expected"),
    [
        ("critique.points", 1, "1 Punkt"),
        ("critique.points", 0, "0 Punkte"),
        ("critique.points", 2, "2 Punkte"),
        ("tables.seats", 1, "1 Platz"),
        ("tasks.weeks", 1, "1 Woche"),
        ("tasks.weeks", 8, "8 Wochen"),
        ("kinds.idee", 1, "Idee"),
        ("kinds.idee", 5, "Ideen"),
        ("actions.in_plan", 1, "Aktion im Plan"),
        ("overview.undated", 1, "1 Aktion ohne Zieldatum fehlt im Zeitplan."),
    ],
)
def test_plurals_follow_the_german_rules(key, count, expected):
    assert t(key, count=count) == expected


def test_selbstcheck_sentences_come_from_the_catalog():
    assert t("selbstcheck.ratings", count=1, fields="Energie") == "eine Einschätzung für 1 Handlungsfeld (Energie)"
    assert t("selbstcheck.ratings", count=2, fields="Energie, Mobilität").startswith(
        "eine Einschätzung für 2 Handlungsfelder"
    )


def test_choice_lists_keep_their_stored_keys_in_display_order():
    assert list(choices("action_statuses")) == ["idee", "geplant", "laeuft", "erledigt", "pausiert"]
    assert choices("countries")["CH"] == "Schweiz"


def test_a_missing_translation_falls_back_to_german(monkeypatch):
    monkeypatch.setenv("REGIONALLABOR_LANG", "en")
    assert t("saved") == "Gespeichert"
    assert t("critique.points", count=1) == "1 Punkt"


# The course addresses the team as "ihr"; a message in the "du" form reads as if it spoke to someone else.
DU_FORMS = re.compile(
    r"\b(du|dein|deine|deinen|deiner|dich|dir|gib|prüfe|wähle|aktualisiere|exportiere|versuche|klicke|speichere|"
    r"trage|lade|füge|ändere|hast|bist|kannst|willst|musst)\b",
    re.IGNORECASE,
)


def test_no_message_speaks_to_a_single_person():
    texts = {}
    for key, value in messages("de").items():
        for form in value.values() if isinstance(value, dict) else [value]:
            texts[key] = texts.get(key, "") + " " + str(form)
    singular = {key: DU_FORMS.findall(text) for key, text in texts.items() if DU_FORMS.search(text)}
    assert singular == {}
