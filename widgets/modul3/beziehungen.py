"""Modul 3, tool „Beziehungen“: who works with whom, added by picking two actors."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.core.messages import RELATION_KINDS, t
from regionallabor.core.model import Beziehung
from regionallabor.core.store import Stored, WorkbookError
from regionallabor.modul3.beziehungsnetz import Network, load_network, save_relation
from regionallabor_widgets.base import (
    PagedRows,
    Pager,
    RowCache,
    WorkbookTool,
    button,
    css,
    heading,
    html,
    labelled,
    offer,
)
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS, PAGE_SIZE, scale_buttons

RELATION_COLOURS = {"kooperiert": "#2e7d32", "kennt_sich": "#90a4ae", "foerdert": "#1565c0", "konflikt": "#c62828"}


def actor_picker() -> ipw.Combobox:
    """Type a few letters, pick a name: quicker than a drop-down with hundreds of actors."""
    return ipw.Combobox(placeholder=t("relation.pick"), ensure_option=True, layout=ipw.Layout(width="100%"))


def relation_line(network: Network, relation: Beziehung) -> str:
    source, target = network.by_id[relation.source_id].name, network.by_id[relation.target_id].name
    arrow = "→" if relation.kind == "foerdert" else "–"
    note = f" <span class='rl-muted'>· {escape(relation.note)}</span>" if relation.note else ""
    return (
        f"<span class='rl-member-name'>{escape(source)}</span> {arrow} "
        f"<span class='rl-member-name'>{escape(target)}</span>"
        f"<span class='rl-tag rl-relation-{relation.kind}'>{escape(RELATION_KINDS[relation.kind])}"
        f" · {'●' * relation.strength}{'○' * (3 - relation.strength)}</span>{note}"
    )


class RelationEditor(PagedRows, WorkbookTool):
    """Pick two actors and how they are connected; the list below shows and removes relations."""

    SHOWS = NETWORK_KINDS

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.network = Network([], [])
        self.pager = Pager(self, self.show_rows, PAGE_SIZE)
        self._rows = RowCache(self._row)
        self.source = actor_picker()
        self.target = actor_picker()
        self.kind = ipw.Dropdown(
            options=[(label, key) for key, label in RELATION_KINDS.items()],
            value="kooperiert",
            layout=ipw.Layout(width="100%"),
        )
        self.strength = scale_buttons(3)
        self.note = ipw.Text(placeholder=t("relation.note_placeholder"), layout=ipw.Layout(width="100%"))
        self.submit = button(t("relation.add"), "primary")
        self.submit.layout.align_self = "flex-start"
        self.on_click(self.submit, self.add)
        self.hint = html()
        self.search = ipw.Text(placeholder=t("relation.filter_placeholder"), layout=ipw.Layout(width="100%"))
        self.on_value(self.search, lambda _: self.pager.reset())
        self.count = html()
        self.list = ipw.VBox()

        def field(text: str, widget: ipw.Widget, help_text: str = "") -> ipw.VBox:
            return labelled(text, widget, help_text, layout=ipw.Layout(flex="1 1 220px", min_width="200px"))

        self.form = css(
            ipw.VBox(
                [
                    heading(t("relation.add"), 4),
                    ipw.HBox(
                        [
                            field(t("field.source_actor"), self.source),
                            field(t("field.relation_kind"), self.kind),
                            field(t("field.target_actor"), self.target),
                        ],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    ipw.HBox(
                        [
                            field(t("field.strength"), self.strength, t("relation.strength_labels")),
                            field(t("field.note"), self.note),
                        ],
                        layout=ipw.Layout(flex_flow="row wrap"),
                    ),
                    self.submit,
                ]
            ),
            "rl-form",
        )
        self.children = [self.hint, self.form, self.notice, self.search, self.count, self.list, self.pager.more]
        self.start()

    def refresh(self) -> None:
        self.network = load_network(self.workbook)
        names = self.network.names()
        for picker in (self.source, self.target):
            offer(picker, names)
        enough = len(names) >= 2
        self.form.layout.display = "" if enough else "none"
        self.hint.value = "" if enough else f"<div class='rl-muted'>{escape(t('relation.need_two'))}</div>"
        self.show_rows()

    def add(self) -> Stored[Beziehung] | None:
        source, target = self.network.find(self.source.value), self.network.find(self.target.value)
        if source is None or target is None:
            self.notice.show("error", t("relation.pick_both"))
            return None
        try:
            relation = Beziehung(
                source_id=source.id,
                target_id=target.id,
                kind=self.kind.value,
                strength=int(self.strength.value),
                note=self.note.value,
            )
            stored = save_relation(self.workbook, relation, None)
        except (ValueError, WorkbookError) as error:
            self.refused(error)
            return None
        self.written(stored.version)
        self.notice.show("success", t("relation.added", a=self.source.value, b=self.target.value))
        self.target.value, self.note.value = "", ""
        self.refresh()
        return stored

    def matching(self) -> list[Stored[Beziehung]]:
        needle = self.search.value.strip().casefold()
        if not needle:
            return list(reversed(self.network.relations))
        by_id = self.network.by_id
        return [
            r
            for r in reversed(self.network.relations)
            if needle in by_id[r.record.source_id].name.casefold()
            or needle in by_id[r.record.target_id].name.casefold()
        ]

    def show_rows(self) -> None:
        by_id = self.network.by_id
        self.show_page(
            len(self.network.relations),
            self.matching(),
            lambda r: (r.record.id, r.version, by_id[r.record.source_id].name, by_id[r.record.target_id].name),
            empty=t("relation.empty"),
            no_match=t("relation.no_match"),
            count_key="relation.count",
        )

    def _row(self, stored: Stored[Beziehung]) -> ipw.HBox:
        text = html(f"<div>{relation_line(self.network, stored.record)}</div>", layout=ipw.Layout(flex="1 1 auto"))
        remove = button(t("delete"), "danger")
        by_id = self.network.by_id
        names = dict(a=by_id[stored.record.source_id].name, b=by_id[stored.record.target_id].name)
        self.on_click(remove, lambda: self.remove_record(Beziehung, stored, t("relation.removed", **names)))
        return css(ipw.HBox([text, remove]), "rl-member", "rl-relation")
