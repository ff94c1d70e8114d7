"""Two members who worked apart (Binder, laptops) end with one workbook that holds both their work.

Anna and Ben start from the same workbook (Ben imported Anna's file), each works on their own copy, then
Anna merges Ben's file. Every combination of add, change and remove on both sides is tried.
"""

from __future__ import annotations

import json

import pytest

from regionallabor.core.merge import apply_merge, plan_merge
from regionallabor.core.model import RECORD_TYPES, Member, Team
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.core.transfer import InvalidWorkbookFile, export_json, parse_workbook_file
from regionallabor.testing import fill_actions, fill_network, fill_planning, fill_team_and_region
from regionallabor_widgets.start import WorkbookTransfer
from tests.helpers import edited
from tests.test_robust_files import dump


def content(workbook: Arbeitsmappe) -> dict:
    """The records by kind, in any order (entries added on two sides stand in different orders)."""
    return {
        kind: sorted(items, key=lambda item: item["id"]) for kind, items in workbook.export_data()["records"].items()
    }


def file_of(workbook: Arbeitsmappe, **options):
    return parse_workbook_file(export_json(workbook, **options))


@pytest.fixture
def apart(tmp_path):
    """Anna's and Ben's own workbooks, both holding the team's three members after Ben imported Anna's file."""
    anna = Arbeitsmappe(tmp_path / "anna" / "arbeitsmappe.sqlite3", person="Anna")
    for name in ("Anna", "Ben", "Cem"):
        anna.add(Member(id=name.lower(), name=name))
    ben = Arbeitsmappe(tmp_path / "ben" / "arbeitsmappe.sqlite3", person="Ben")
    parsed = file_of(anna)
    ben.replace_all(parsed.records, parsed.known)
    yield anna, ben
    anna.close()
    ben.close()


def act(workbook: Arbeitsmappe, action: str, member_id: str, text: str) -> None:
    stored = workbook.get(Member, member_id)
    if action == "change":
        workbook.update(stored.record.model_copy(update={"role": text}), stored.version)
    elif action == "remove":
        workbook.delete(Member, member_id, stored.version)


def roles(workbook: Arbeitsmappe) -> dict[str, str]:
    return {s.record.id: s.record.role for s in workbook.list(Member)}


# (Anna's action, Ben's action) on Cem's entry → what the plan says, and Cem's role after each choice
COMBINATIONS = {
    ("keep", "keep"): ("nothing", "", ""),
    ("keep", "change"): ("changed", "Kasse (Ben)", "Kasse (Ben)"),
    ("keep", "remove"): ("removed", None, None),
    ("change", "keep"): ("kept", "Moderation (Anna)", "Moderation (Anna)"),
    ("change", "change"): ("conflict", "Moderation (Anna)", "Kasse (Ben)"),
    ("change", "remove"): ("conflict", "Moderation (Anna)", None),
    ("remove", "keep"): ("kept", None, None),
    ("remove", "change"): ("conflict", None, "Kasse (Ben)"),
    ("remove", "remove"): ("nothing", None, None),
}


@pytest.mark.parametrize(("ours", "theirs"), list(COMBINATIONS), ids=["-".join(c) for c in COMBINATIONS])
@pytest.mark.parametrize("choice", ["ours", "theirs"])
def test_every_combination_of_keep_change_and_remove(apart, ours, theirs, choice):
    anna, ben = apart
    act(anna, ours, "cem", "Moderation (Anna)")
    act(ben, theirs, "cem", "Kasse (Ben)")
    ben.add(Member(id="dana", name="Dana"))  # added there
    anna.add(Member(id="emil", name="Emil"))  # added here
    act(ben, "change", "anna", "Presse (Ben)")  # and one change only Ben made
    before = dump(anna)

    plan = plan_merge(anna, file_of(ben))
    assert dump(anna) == before  # planning changes nothing
    outcome, when_ours, when_theirs = COMBINATIONS[(ours, theirs)]
    assert [r.id for r in plan.added] == ["dana"]
    assert [r.id for r in plan.changed] == ["anna"] + (["cem"] if outcome == "changed" else [])
    assert [s.record.id for s in plan.removed] == (["cem"] if outcome == "removed" else [])
    assert plan.kept == 1 + (outcome == "kept")  # Emil, and Anna's own change or removal
    assert [c.key for c in plan.conflicts] == ([("member", "cem")] if outcome == "conflict" else [])

    backup = apply_merge(anna, plan, {("member", "cem")} if choice == "theirs" else set())
    assert backup.exists() and "vor-zusammenfuehren" in backup.name
    expected = when_theirs if choice == "theirs" else when_ours
    result = roles(anna)
    assert result.get("cem", None) == expected
    assert (result["dana"], result["emil"], result["anna"]) == ("", "", "Presse (Ben)")


@pytest.mark.parametrize(("ours", "theirs"), list(COMBINATIONS), ids=["-".join(c) for c in COMBINATIONS])
def test_merging_back_the_other_way_leaves_both_with_the_same_workbook(apart, ours, theirs):
    anna, ben = apart
    act(anna, ours, "cem", "Moderation (Anna)")
    act(ben, theirs, "cem", "Kasse (Ben)")
    ben.add(Member(id="dana", name="Dana"))
    anna.add(Member(id="emil", name="Emil"))
    apply_merge(anna, plan_merge(anna, file_of(ben)))  # conflicts: Anna keeps hers

    back = plan_merge(ben, file_of(anna))
    assert back.conflicts == []  # Anna's file knows every state of Ben's she decided against
    apply_merge(ben, back)
    assert content(ben) == content(anna)
    assert not plan_merge(anna, file_of(ben)).changes_anything


def test_the_same_change_on_both_sides_is_no_conflict(apart):
    anna, ben = apart
    act(anna, "change", "cem", "Kasse")
    act(ben, "change", "cem", "Kasse")
    assert not plan_merge(anna, file_of(ben)).changes_anything


def test_two_workbooks_begun_apart_keep_both_teams_entries_and_let_the_team_choose_the_team_name(tmp_path):
    anna = Arbeitsmappe(tmp_path / "a.sqlite3", person="Anna")
    ben = Arbeitsmappe(tmp_path / "b.sqlite3", person="Ben")
    anna.add(Team(name="Lautertal gemeinsam"))
    ben.add(Team(name="Mitmach-Lautertal"))
    anna.add(Member(name="Anna"))
    ben.add(Member(name="Ben"))
    plan = plan_merge(anna, file_of(ben))
    assert [r.name for r in plan.added] == ["Ben"]
    [conflict] = plan.conflicts
    assert conflict.label == "Teamname „Lautertal gemeinsam“"
    assert [(d.earlier, d.now) for d in conflict.changes()] == [("Mitmach-Lautertal", "Lautertal gemeinsam")]
    apply_merge(anna, plan, {conflict.key})
    assert anna.get(Team).record.name == "Mitmach-Lautertal"
    assert sorted(s.record.name for s in anna.list(Member)) == ["Anna", "Ben"]


def test_a_typing_burst_right_after_the_import_still_counts_as_bens_change_only(apart, monkeypatch):
    """Ben's own changes within the version window are one version – the imported state is remembered anyway."""
    anna, ben = apart
    act(ben, "change", "cem", "K")
    act(ben, "change", "cem", "Kasse")
    plan = plan_merge(anna, file_of(ben))
    assert [r.id for r in plan.changed] == ["cem"] and plan.conflicts == []


def test_a_full_workbook_merges_with_every_kind(tmp_path):
    anna = Arbeitsmappe(tmp_path / "a.sqlite3", person="Anna")
    fill_team_and_region(anna, "Lautertal")
    fill_network(anna, 12, 16)
    fill_planning(anna)
    fill_actions(anna, 4)
    ben = Arbeitsmappe(tmp_path / "b.sqlite3", person="Ben")
    parsed = file_of(anna)
    ben.replace_all(parsed.records, parsed.known)
    kinds = [kind for kind in RECORD_TYPES if ben.count_kind(kind)]
    for kind in kinds[::2]:  # Ben changes the first entry of every other kind, Anna of the rest
        stored = ben.list(RECORD_TYPES[kind])[0]
        ben.update(edited(stored.record), stored.version)
    for kind in kinds[1::2]:
        stored = anna.list(RECORD_TYPES[kind])[0]
        anna.update(edited(stored.record), stored.version)
    plan = plan_merge(anna, file_of(ben))
    assert sorted({r.KIND for r in plan.changed}) == sorted(kinds[::2]) and plan.conflicts == []
    assert plan.kept == len(kinds[1::2])
    apply_merge(anna, plan)
    apply_merge(ben, plan_merge(ben, file_of(anna)))
    assert content(anna) == content(ben)


def test_what_the_merge_removes_is_in_the_papierkorb(apart):
    anna, ben = apart
    act(ben, "remove", "cem", "")
    apply_merge(anna, plan_merge(anna, file_of(ben)))
    [[removed]] = anna.papierkorb()
    assert removed.record.name == "Cem" and removed.replaced_by == "Anna"


def test_a_page_writing_between_plan_and_merge_stops_the_merge(apart):
    anna, ben = apart
    act(ben, "change", "cem", "Kasse (Ben)")
    plan = plan_merge(anna, file_of(ben))
    act(anna, "change", "cem", "inzwischen auf Annas anderer Seite")
    before = dump(anna)
    with pytest.raises(WorkbookError, match="Während ihr gewählt habt"):
        apply_merge(anna, plan)
    assert dump(anna) == before


def test_a_pseudonymised_file_is_not_merged(apart):
    anna, ben = apart
    with pytest.raises(WorkbookError, match="Namen von Privatpersonen ersetzt"):
        plan_merge(anna, file_of(ben, pseudonymise=True))


@pytest.mark.parametrize(
    "known",
    [[], {"member": []}, {"member": {"x": "abc"}}, {"member": {"x": ["nicht-hex"]}}, {"member": {"x": [1]}}],
    ids=["list", "kind-list", "states-text", "not-a-state", "number"],
)
def test_a_broken_known_states_part_is_refused(apart, known):
    data = json.loads(export_json(apart[1]))
    data["known_states"] = known
    with pytest.raises(InvalidWorkbookFile, match="keine Regionallabor-Arbeitsmappe"):
        parse_workbook_file(json.dumps(data).encode())


def test_a_file_of_an_older_version_without_known_states_still_merges(apart):
    anna, ben = apart
    data = json.loads(export_json(ben))
    del data["known_states"]
    data["records"]["member"].append({"id": "dana", "name": "Dana"})
    plan = plan_merge(anna, parse_workbook_file(json.dumps(data).encode()))
    assert [r.name for r in plan.added] == ["Dana"] and plan.conflicts == []


def test_the_start_page_merges_and_lets_the_team_choose(apart):
    anna, ben = apart
    act(anna, "change", "cem", "Moderation (Anna)")
    act(ben, "change", "cem", "Kasse (Ben)")
    ben.add(Member(id="dana", name="Dana"))
    transfer = WorkbookTransfer(anna)
    transfer.receive("ben.json", export_json(ben))
    assert "Was soll mit ihr geschehen?" in transfer.notice.value
    plan = transfer.plan_merge()
    assert transfer.notice.kind == "warning" and "auf beiden Seiten geändert" in transfer.notice.text
    assert "Moderation (Anna)" in transfer.conflicts.children[0].children[0].value
    assert "Kasse (Ben)" in transfer.conflicts.children[0].children[0].value
    assert roles(anna)["cem"] == "Moderation (Anna)" and "dana" not in roles(anna)  # nothing yet
    [(_, choice)] = transfer._choices
    choice.value = "theirs"
    transfer.merge_now()
    assert transfer.notice.kind == "success" and "zusammengeführt" in transfer.notice.text
    assert plan.added and roles(anna)["cem"] == "Kasse (Ben)" and roles(anna)["dana"] == ""
    assert transfer.merge_box.layout.display == "none"


def test_the_start_page_merges_at_once_when_nothing_conflicts(apart):
    anna, ben = apart
    ben.add(Member(id="dana", name="Dana"))
    transfer = WorkbookTransfer(anna)
    transfer.receive("ben.json", export_json(ben))
    transfer.plan_merge()
    assert transfer.notice.kind == "success" and "1 neuer Eintrag" in transfer.notice.text
    assert "dana" in roles(anna)
