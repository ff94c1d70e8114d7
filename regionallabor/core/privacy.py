"""Pseudonymisation: private persons on the actor map become „Privatperson 1“, „Privatperson 2“, … in what leaves the team.

One scrubber serves every export – the workbook file, the network CSV, the worksheets' snapshots and
the Regionalprofil – so a person has the same pseudonym everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from regionallabor.core.messages import t
from regionallabor.core.model import Akteur, Member, Schatz


def pseudonyms(actors: Iterable[Akteur]) -> dict[str, str]:
    """„Privatperson 1“, „Privatperson 2“, … for the private persons among ``actors``, in the map's order."""
    private = [actor for actor in actors if actor.private_person]
    return {actor.id: t("network_csv.pseudonym", number=number) for number, actor in enumerate(private, start=1)}


PARTICLES = frozenset({"von", "vom", "van", "de", "der", "den", "zu", "zum", "und", "di", "da", "le", "la"})
MIN_PART = 3  # shorter parts ("Al", initials) would replace ordinary words


def _name_pattern(name: str) -> re.Pattern:
    """A name as a whole word in any case: „Berger“ finds „berger“ and „BERGER“, not „Bergerhof“."""
    words = r"\s+".join(re.escape(part) for part in name.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def name_scrubber(actors: Iterable[Akteur], keep: Iterable[str] = ()) -> Callable[[str], str]:
    """Replaces the names of private persons by their pseudonyms wherever they appear in a text.

    The full name, and each first name and surname alone („Frau Berger“, „Maria“), in any case and only as
    whole words. A name part that also belongs to a name in ``keep`` (the team's members) or to an actor who
    is no private person is replaced only as part of the full name: „Aylin“ of the team stays Aylin.
    """
    actors = list(actors)
    hidden = pseudonyms(actors)
    names = {actor.id: actor.name for actor in actors}
    public = [*keep, *(actor.name for actor in actors if actor.id not in hidden)]
    shared = {word.casefold() for name in public for word in name.split()}
    pairs = [(names[actor_id], alias) for actor_id, alias in hidden.items()]
    pairs += [
        (part, alias)
        for real, alias in list(pairs)
        for part in real.split()
        if len(part) >= MIN_PART and part.casefold() not in PARTICLES | shared and part != real
    ]
    # Longer names first, so „Anna Maria Berger“ is not half-replaced as „Anna Maria“.
    patterns = [(_name_pattern(real), alias) for real, alias in sorted(pairs, key=lambda pair: -len(pair[0]))]

    def scrub(text: str) -> str:
        for pattern, alias in patterns:
            text = pattern.sub(alias, text)
        return text

    return scrub


def pseudonymise_export(data: dict) -> dict:
    """A workbook export (``Arbeitsmappe.export_data()``) with private persons replaced by their pseudonyms.

    Their actor records lose name, place and notes; in every other record a person's name is replaced
    wherever it appears (a conversation, a task, an action's responsible person).
    """
    actors = [Akteur.model_validate(item) for item in data["records"].get(Akteur.KIND, [])]
    hidden = pseudonyms(actors)
    scrub = name_scrubber(actors, keep=[item.get("name", "") for item in data["records"].get(Member.KIND, [])])
    records = {
        kind: [_scrubbed(_without_contact(kind, item), scrub) for item in items]
        for kind, items in data["records"].items()
        if kind != Akteur.KIND
    }
    records[Akteur.KIND] = [
        {**item, "name": hidden[item["id"]], "place": "", "notes": ""}
        if item["id"] in hidden
        else _scrubbed(item, scrub)
        for item in data["records"].get(Akteur.KIND, [])
    ]
    return {**data, "records": records, "pseudonymised": True}


def _without_contact(kind: str, item: dict) -> dict:
    """A Schatz's contact is a person's name and number more often than not: it does not leave the team."""
    return {**item, "contact": ""} if kind == Schatz.KIND and item.get("contact") else item


def _scrubbed(value, scrub: Callable[[str], str]):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_scrubbed(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" or k.endswith(("_id", "_ids")) else _scrubbed(v, scrub) for k, v in value.items()}
    return value
