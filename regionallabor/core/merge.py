"""Merging a workbook file into the workbook: for teams whose members worked apart (Binder, laptops).

Each side knows every state its records have had (:meth:`Arbeitsmappe.known_states`: the history, and the
states exchanged with files), and a file carries what its workbook knew. So for each record:

* the same on both sides – nothing to do;
* one side holds a state the other side has had before – that side changed it, its state is taken
  (a removal too: a record one side removed after it had seen the other's state stays removed);
* only one side ever had the record – it was added there and is taken;
* otherwise both changed it (or one changed what the other removed): a :class:`Conflict` the team decides.

"Removed" is a state of its own (``REMOVED_STATE``): a workbook that kept its own change against a removal in
a file knows the removal from then on, so merging back the other way asks nothing again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from regionallabor.core.history import Difference, differences, record_label
from regionallabor.core.messages import t
from regionallabor.core.model import RECORD_TYPES, Record
from regionallabor.core.store import (
    REMOVED_STATE,
    Arbeitsmappe,
    KnownStates,
    RecordKey,
    Stored,
    WorkbookError,
    state_of,
)
from regionallabor.core.transfer import ParsedWorkbook


@dataclass(frozen=True)
class Conflict:
    """A record both sides changed, or one changed and the other removed: ``None`` stands for removed."""

    ours: Stored | None
    theirs: Record | None

    @property
    def key(self) -> RecordKey:
        record = self.ours.record if self.ours else self.theirs
        return (record.KIND, record.id)

    @property
    def label(self) -> str:
        return record_label(self.ours.record if self.ours else self.theirs)

    def changes(self) -> list[Difference]:
        """What taking the file's state would change here (``earlier`` is the file's, ``now`` ours)."""
        if self.theirs is None:
            return []
        return differences(self.theirs, self.ours.record if self.ours else None)


@dataclass(frozen=True)
class MergePlan:
    """What merging a file would do, before it is done; :func:`apply_merge` does it."""

    added: list[Record] = field(default_factory=list)  # only in the file: new there
    changed: list[Record] = field(default_factory=list)  # changed only in the file
    removed: list[Stored] = field(default_factory=list)  # removed in the file, unchanged here
    kept: int = 0  # records changed, added or removed only here: they stay as they are
    conflicts: list[Conflict] = field(default_factory=list)
    expected: dict[RecordKey, str | None] = field(default_factory=dict)  # our states the plan was made from
    known: KnownStates = field(default_factory=dict)  # the file's states, remembered after the merge

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.conflicts)

    def summary(self) -> str:
        parts = [
            t(key, count=len(items))
            for key, items in (
                ("merge.added", self.added),
                ("merge.changed", self.changed),
                ("merge.removed", self.removed),
            )
            if items
        ]
        if self.kept:
            parts.append(t("merge.kept", count=self.kept))
        if not parts and not self.conflicts:
            return t("merge.nothing_new")
        text = t("merge.summary", parts=", ".join(parts)) if parts else ""
        if self.conflicts:
            text = f"{text} {t('merge.conflicts', count=len(self.conflicts))}".strip()
        return text


def plan_merge(workbook: Arbeitsmappe, parsed: ParsedWorkbook) -> MergePlan:
    """Compare the file with the workbook record by record (see the module's text); change nothing."""
    if parsed.pseudonymised:
        raise WorkbookError(t("merge.pseudonymised"))
    ours: dict[RecordKey, Stored] = {}
    for kind, cls in RECORD_TYPES.items():
        for stored in workbook.list(cls):
            ours[(kind, stored.record.id)] = stored
    theirs: dict[RecordKey, Record] = {(record.KIND, record.id): record for record in parsed.records}
    known_here = workbook.known_states()
    known_there = parsed.known

    added, changed, removed, conflicts = [], [], [], []
    kept = 0
    expected: dict[RecordKey, str | None] = {}
    for key in [*ours, *(key for key in theirs if key not in ours)]:
        here, there = ours.get(key), theirs.get(key)
        ours_state = state_of(here.record) if here else REMOVED_STATE
        theirs_state = state_of(there) if there else REMOVED_STATE
        if ours_state == theirs_state:
            continue
        seen_here = known_here.get(key, set())
        seen_there = known_there.get(key, set())
        if here is None and not seen_here:
            added.append(there)
        elif (there is None and not seen_there) or theirs_state in seen_here:
            # added here; or the file holds a state we had before, or a removal we have seen
            kept += 1
            continue
        elif ours_state in seen_there:
            if there is None:
                removed.append(here)
            else:
                changed.append(there)
        else:
            conflicts.append(Conflict(here, there))
        expected[key] = ours_state if here else None
    return MergePlan(added, changed, removed, kept, conflicts, expected, known_there)


def apply_merge(workbook: Arbeitsmappe, plan: MergePlan, take_theirs: set[RecordKey] = frozenset()) -> Path:
    """Do what the plan says, with each conflict decided: the file's state for the keys in ``take_theirs``,
    ours for the others. Backs up first; returns the backup. Refused if another page changed a record since."""
    writes = [*plan.added, *plan.changed]
    removals = [(type(stored.record), stored.record.id) for stored in plan.removed]
    for conflict in plan.conflicts:
        if conflict.key not in take_theirs:
            continue
        if conflict.theirs is None:
            removals.append((type(conflict.ours.record), conflict.ours.record.id))
        else:
            writes.append(conflict.theirs)
    return workbook.merge(writes, removals, plan.expected, plan.known)
