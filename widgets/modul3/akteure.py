"""Modul 3, tool „Akteur:innen“: who is on the team's actor map, and the form that edits one actor."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import ACTOR_TYPES, SECTORS, TEAM_RELATIONS, t
from regionallabor.core.model import Akteur, Schatz, sector_label
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.handlungsfelder import ALL_FIELDS
from regionallabor.modul3.beziehungsnetz import MODUL3_KINDS, MapEntry, load_network, remove_actor, save_actor
from regionallabor_widgets.base import (
    ConfirmsRemoval,
    PagedRows,
    Pager,
    RowCache,
    WorkbookTool,
    button,
    css,
    field_checkboxes,
    field_options,
    heading,
    html,
    labelled,
    offer,
)

# rows per page of the actor, relation and conversation lists: each row is about seven widget models, and a
# page of 20 cost Modul 3 a quarter of a second before it was usable; "Weitere 10 anzeigen" brings the next
PAGE_SIZE = 10
NETWORK_KINDS = (*MODUL3_KINDS, Schatz.KIND)


def scale_buttons(count: int = 5) -> ipw.ToggleButtons:
    widget = ipw.ToggleButtons(
        options=[str(i) for i in range(1, count + 1)], value="3" if count == 5 else "2", style={"button_width": "44px"}
    )
    return css(widget, "rl-scale")


def actor_chips(actor: MapEntry) -> str:
    """Sector, kind, and where the entry comes from, as small labels."""
    record = actor.record
    chips = [
        f"<span class='rl-tag rl-tag-sector'>{escape(actor.sector_label)}</span>",
        f"<span class='rl-tag'>{escape(ACTOR_TYPES[record.type])}</span>",
    ]
    if actor.schatz is not None:
        chips.append(f"<span class='rl-tag rl-tag-schatz'>{escape(t('actor.from_schatz'))}</span>")
    if record.private_person:
        chips.append(f"<span class='rl-tag rl-tag-private'>{escape(t('actor.private_chip'))}</span>")
    chips += [
        f"<span class='rl-field-chip rl-field-{f}'>{escape(ALL_FIELDS[f])}</span>" for f in record.handlungsfelder
    ]
    return "".join(chips)


class ActorForm(ipw.VBox):
    """Add or edit one actor; used by the actor list and by the network map's side panel.

    Saving goes through the owning tool: its notice shows the result, its sync learns of the write.
    """

    def __init__(
        self,
        tool: WorkbookTool,
        on_saved: Callable[[Stored[Akteur]], None],
        *,
        compact: bool = False,
        on_cancel: Callable[[], None] | None = None,
    ):
        super().__init__()
        css(self, "rl-form", "rl-actor-form")
        self.tool = tool
        self.on_saved = on_saved
        self.editing: MapEntry | None = None
        wide = ipw.Layout(width="100%")
        self.title = heading(t("actor.add"), 4)
        self.name = ipw.Text(placeholder=t("actor.name_placeholder"), layout=wide)
        self.name_help = html()
        self.type = ipw.Dropdown(
            options=[(label, key) for key, label in ACTOR_TYPES.items()], value="organisation", layout=wide
        )
        self.sector = ipw.Combobox(
            options=list(SECTORS.values()), placeholder="z. B. Verwaltung", ensure_option=False, layout=wide
        )
        self.fields = field_checkboxes()
        self.influence = scale_buttons()
        self.engagement = scale_buttons()
        self.place = ipw.Text(placeholder=t("actor.place_placeholder"), layout=wide)
        self.private = ipw.Checkbox(
            value=True, description=t("actor.private"), indent=False, layout=ipw.Layout(width="auto")
        )
        self.private_box = ipw.VBox(
            [self.private, html(f"<div class='rl-help'>{escape(t('actor.private_help'))}</div>")]
        )
        self.team_relation = ipw.Dropdown(
            options=[(label, key) for key, label in TEAM_RELATIONS.items()], value="keiner", layout=wide
        )
        self.notes = ipw.Textarea(
            placeholder=t("actor.notes_placeholder"), layout=ipw.Layout(width="100%", height="60px")
        )
        self.submit = button(t("actor.add"), "primary")
        tool.on_click(self.submit, self.save)
        self.cancel = button(t("cancel"), "quiet")
        tool.on_click(self.cancel, on_cancel or self.clear)
        tool.on_value(self.type, lambda _: self._show_private())
        self._show_private()

        basis = "1 1 100%" if compact else "1 1 260px"

        def field(text: str, widget: ipw.Widget, help_text: str = "") -> ipw.VBox:
            return labelled(text, widget, help_text, layout=ipw.Layout(flex=basis, min_width="220px"))

        self.children = [
            self.title,
            ipw.HBox(
                [
                    field(t("field.name"), ipw.VBox([self.name, self.name_help])),
                    field(t("field.actor_type"), self.type),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            ipw.HBox(
                [field(t("field.sector"), self.sector, t("actor.sector_help")), field(t("field.place"), self.place)],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            labelled(
                t("field.handlungsfelder"),
                ipw.HBox(list(self.fields.values()), layout=ipw.Layout(flex_flow="row wrap")),
            ),
            ipw.HBox(
                [
                    field(t("field.influence"), self.influence, t("actor.scale")),
                    field(t("field.engagement"), self.engagement, t("actor.scale")),
                ],
                layout=ipw.Layout(flex_flow="row wrap"),
            ),
            ipw.HBox(
                [field(t("field.team_relation"), self.team_relation), self.private_box],
                layout=ipw.Layout(flex_flow="row wrap", align_items="flex-end"),
            ),
            labelled(t("field.actor_notes"), self.notes),
            ipw.HBox([self.submit, self.cancel]),
        ]
        self.clear()

    def set_sector_options(self, sectors: list[str]) -> None:
        """Offer the standard sectors and the team's own ones."""
        offer(self.sector, list(SECTORS.values()) + [sector_label(s) for s in sectors if s not in SECTORS])

    def _show_private(self) -> None:
        self.private_box.layout.display = "" if self.type.value == "person" else "none"

    def load(self, actor: MapEntry) -> None:
        self.editing = actor
        record = actor.record
        self.title.value = f"<h4 class='rl-heading'>{escape(t('actor.editing', name=actor.name))}</h4>"
        self.name.value, self.type.value = record.name, record.type
        self.name.disabled = actor.schatz is not None
        self.name_help.value = (
            f"<div class='rl-help'>{escape(t('actor.schatz_name_help'))}</div>" if actor.schatz is not None else ""
        )
        self.sector.value, self.place.value = sector_label(record.sector), record.place
        for key, box in self.fields.items():
            box.value = key in record.handlungsfelder
        self.influence.value, self.engagement.value = str(record.influence), str(record.engagement)
        self.private.value, self.team_relation.value, self.notes.value = (
            record.private_person,
            record.team_relation,
            record.notes,
        )
        self.submit.description = t("save")
        self.cancel.layout.display = ""

    def clear(self) -> None:
        self.editing = None
        self.title.value = f"<h4 class='rl-heading'>{escape(t('actor.add'))}</h4>"
        self.name.disabled = False
        self.name_help.value = ""
        for text in (self.name, self.sector, self.place, self.notes):
            text.value = ""
        for box in self.fields.values():
            box.value = False
        self.influence.value = self.engagement.value = "3"
        self.private.value, self.team_relation.value = True, "keiner"
        self.submit.description = t("actor.add")
        self.cancel.layout.display = "none"

    def record(self) -> Akteur:
        """The actor as the form shows it; raises ValidationError for bad input."""
        values = dict(
            name=self.name.value,
            type=self.type.value,
            sector=self.sector.value,
            handlungsfelder=[key for key, box in self.fields.items() if box.value],
            influence=int(self.influence.value),
            engagement=int(self.engagement.value),
            place=self.place.value,
            private_person=self.private.value,
            team_relation=self.team_relation.value,
            notes=self.notes.value,
        )
        if self.editing is None:
            return Akteur(**values)
        return Akteur(id=self.editing.id, schatz_id=self.editing.record.schatz_id, **values)

    def save(self) -> Stored[Akteur] | None:
        editing = self.editing
        try:
            stored = save_actor(self.tool.workbook, self.record(), editing.version if editing else None)
        except (ValueError, WorkbookError) as error:  # pydantic's ValidationError is a ValueError
            self.tool.refused(error)
            return None
        self.tool.written(stored.version)
        self.tool.notice.show("success", t("actor.saved" if editing else "actor.added", name=stored.record.name))
        self.clear()
        self.on_saved(stored)
        return stored


class ActorList(ConfirmsRemoval, PagedRows, WorkbookTool):
    """Add, find, edit and remove the actors; the Schätze der Region are among them. 20 rows a page."""

    SHOWS = NETWORK_KINDS

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self._actors: list[MapEntry] = []
        self.pager = Pager(self, self.show_rows, PAGE_SIZE)
        self._rows = RowCache(self._row)
        self.form = ActorForm(self, lambda _: self.refresh())
        self.search = ipw.Text(placeholder=t("actor.search_placeholder"), layout=ipw.Layout(flex="1 1 220px"))
        self.filter_sector = ipw.Dropdown(
            options=[(t("actor.filter_sector_all"), "")], value="", layout=ipw.Layout(width="230px")
        )
        self.filter_field = ipw.Dropdown(
            options=field_options(t("actor.filter_field_all")), value="", layout=ipw.Layout(width="280px")
        )
        for control in (self.search, self.filter_sector, self.filter_field):
            self.on_value(control, lambda _: self.pager.reset())
        self.count = html()
        self.list = ipw.VBox()
        self.children = [
            self.form,
            self.notice,
            ipw.HBox(
                [self.search, self.filter_sector, self.filter_field],
                layout=ipw.Layout(flex_flow="row wrap", margin="14px 0 4px 0"),
            ),
            self.count,
            self.list,
            self.pager.more,
        ]
        self.start()

    def refresh(self) -> None:
        network = load_network(self.workbook)
        self._actors = network.actors
        sectors = network.sectors()
        self.form.set_sector_options(sectors)
        offer(self.filter_sector, [(t("actor.filter_sector_all"), "")] + [(sector_label(s), s) for s in sectors])
        editing = self.form.editing
        if editing is not None:
            now = network.by_id.get(editing.id)
            if now is None:
                self.form.clear()
            elif now.version != editing.version:
                self.form.load(now)
        self.show_rows()

    def matching(self) -> list[MapEntry]:
        needle = self.search.value.strip().casefold()
        sector, field = self.filter_sector.value, self.filter_field.value
        return [
            a
            for a in self._actors
            if (not sector or a.record.sector == sector)
            and (not field or field in a.record.handlungsfelder)
            and (not needle or needle in f"{a.name} {a.record.place} {a.record.notes}".casefold())
        ]

    def show_rows(self) -> None:
        self.show_page(
            len(self._actors),
            self.matching(),
            lambda a: (a.id, a.version, a.name, self.confirming == a.id),
            empty=t("actor.empty"),
            no_match=t("actor.no_match"),
            count_key="actor.count",
        )

    def _row(self, actor: MapEntry) -> ipw.HBox:
        record = actor.record
        meta = [
            t("actor.influence_short", value=record.influence),
            t("actor.engagement_short", value=record.engagement),
            TEAM_RELATIONS[record.team_relation],
        ]
        if record.place:
            meta.append(record.place)
        notes = f"<div class='rl-schatz-description'>{escape(record.notes)}</div>" if record.notes else ""
        text = html(
            f"<div><span class='rl-member-name'>{escape(actor.name)}</span>{actor_chips(actor)}"
            f"<div class='rl-member-meta'>{escape(' · '.join(meta))}</div>{notes}</div>",
            layout=ipw.Layout(flex="1 1 auto"),
        )
        actions = self.row_actions(
            actor.id,
            t("actor.confirm_delete", name=actor.name),
            lambda: self.form.load(actor),
            lambda: self.remove(actor),
            removable=actor.schatz is None,
        )
        return css(ipw.HBox([text, *actions]), "rl-member", "rl-actor")

    def remove(self, actor: MapEntry) -> None:
        self.confirming = None
        try:
            revision = remove_actor(self.workbook, actor)
        except WorkbookError as error:
            self.reload_after(error)
            return
        if self.form.editing is not None and self.form.editing.id == actor.id:
            self.form.clear()
        self.written(revision)
        self.notice.show("success", t("actor.removed", name=actor.name))
        self.refresh()
