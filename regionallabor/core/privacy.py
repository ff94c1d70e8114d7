"""Pseudonymisation: private persons on the actor map become „Privatperson 1“, „Privatperson 2“, … in what leaves the team.

One scrubber serves every export – the workbook file, the network CSV, the worksheets' snapshots and
the Regionalprofil – so a person has the same pseudonym everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from regionallabor.core.messages import t
from regionallabor.core.model import Akteur


def pseudonyms(actors: Iterable[Akteur]) -> dict[str, str]:
    """„Privatperson 1“, „Privatperson 2“, … for the private persons among ``actors``, in the map's order."""
    private = [actor for actor in actors if actor.private_person]
    return {actor.id: t("network_csv.pseudonym", number=number) for number, actor in enumerate(private, start=1)}


def name_scrubber(actors: Iterable[Akteur]) -> Callable[[str], str]:
    """Replaces the names of private persons by their pseudonyms wherever they appear in a text."""
    actors = list(actors)
    hidden = pseudonyms(actors)
    names = {actor.id: actor.name for actor in actors}
    # Longer names first, so „Anna Maria Berger“ is not half-replaced as „Anna Maria“.
    pairs = sorted(
        ((names[actor_id], alias) for actor_id, alias in hidden.items()), key=lambda pair: len(pair[0]), reverse=True
    )

    def scrub(text: str) -> str:
        for real, alias in pairs:
            if real in text:
                text = text.replace(real, alias)
        return text

    return scrub


def pseudonymise_export(data: dict) -> dict:
    """A workbook export (``Arbeitsmappe.export_data()``) with private persons replaced by their pseudonyms.

    Their actor records lose name, place and notes; in every other record a person's name is replaced
    wherever it appears (a conversation, a task, an action's responsible person).
    """
    actors = [Akteur.model_validate(item) for item in data["records"].get(Akteur.KIND, [])]
    hidden = pseudonyms(actors)
    scrub = name_scrubber(actors)
    records = {
        kind: [_scrubbed(item, scrub) for item in items]
        for kind, items in data["records"].items()
        if kind != Akteur.KIND
    }
    records[Akteur.KIND] = [
        {**item, "name": hidden[item["id"]], "place": "", "notes": ""} if item["id"] in hidden else item
        for item in data["records"].get(Akteur.KIND, [])
    ]
    return {**data, "records": records, "pseudonymised": True}


def _scrubbed(value, scrub: Callable[[str], str]):
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_scrubbed(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" or k.endswith(("_id", "_ids")) else _scrubbed(v, scrub) for k, v in value.items()}
    return value
