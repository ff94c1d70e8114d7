"""Modul 3, tool „Tabellen“: actors and relations as CSV files, out to a spreadsheet and back."""

from __future__ import annotations

from datetime import date

import ipywidgets as ipw

from regionallabor.core.csvfiles import header_of
from regionallabor.core.messages import t
from regionallabor.core.store import WorkbookError
from regionallabor.modul3.beziehungsnetz import load_network
from regionallabor.modul3.netzdateien import RELATION_REQUIRED, export_actors, export_relations, import_network
from regionallabor_widgets.base import DownloadButton, WorkbookTool, css, help_line, html, upload_button
from regionallabor_widgets.base.downloads import DownloadFile
from regionallabor_widgets.modul3.akteure import NETWORK_KINDS


def is_relations_file(raw: bytes) -> bool:
    """Tell the two files apart by their first line, whatever the team named them."""
    return all(column in header_of(raw) for column in RELATION_REQUIRED)


class NetworkFiles(WorkbookTool):
    """Download akteure.csv and beziehungen.csv (private persons pseudonymised unless the team unticks it); upload them back."""

    SHOWS = NETWORK_KINDS

    def __init__(self, workbook, **kwargs):
        super().__init__(workbook, **kwargs)
        self.pseudonymise = ipw.Checkbox(
            value=True, description=t("network_csv.pseudonymise"), indent=False, layout=ipw.Layout(width="auto")
        )
        self.actors_file = DownloadButton(t("network_csv.actors_file"))
        self.on_download(self.actors_file, lambda: self.network_file("akteure"))
        self.relations_file = DownloadButton(t("network_csv.relations_file"))
        self.on_download(self.relations_file, lambda: self.network_file("beziehungen"))
        self.upload = upload_button(t("network_csv.import"), ".csv,text/csv", multiple=True)
        self.on_upload(self.upload, self.receive)
        self.children = [
            html(f"<div class='rl-help'>{t('network_csv.export_help')}</div>"),
            self.pseudonymise,
            help_line(t("privacy.what_is_replaced")),
            css(ipw.HBox([self.actors_file, self.relations_file]), "rl-downloads"),
            html(f"<div class='rl-help' style='margin-top:12px'>{t('network_csv.import_help')}</div>"),
            self.upload,
            self.notice,
        ]
        self.start()

    def refresh(self) -> None:
        """Nothing shown here follows the workbook: each file is made when it is clicked."""

    def network_file(self, which: str) -> DownloadFile:
        """akteure-<day>.csv or beziehungen-<day>.csv, from the map as it is now."""
        network = load_network(self.workbook)
        hidden = self.pseudonymise.value
        raw = (export_actors if which == "akteure" else export_relations)(network, hidden)
        return f"{which}-{date.today():%Y-%m-%d}{'-pseudonymisiert' if hidden else ''}.csv", raw

    def receive(self, files: list[tuple[str, bytes]]) -> bool:
        """Import one actors file and/or one relations file together; a problem in either refuses both."""
        actors = [(name, raw) for name, raw in files if not is_relations_file(raw)]
        relations = [(name, raw) for name, raw in files if is_relations_file(raw)]
        if len(actors) > 1 or len(relations) > 1:
            self.notice.show("error", t("network_csv.refused", reason=t("network_csv.one_each")))
            return False
        try:
            result = import_network(
                self.workbook,
                actors[0][1] if actors else None,
                relations[0][1] if relations else None,
                actors_filename=actors[0][0] if actors else "akteure.csv",
                relations_filename=relations[0][0] if relations else "beziehungen.csv",
            )
        except WorkbookError as error:
            self.notice.show("error", t("network_csv.refused", reason=str(error)))
            return False
        self.written(result.revision)
        self.notice.show(
            "success",
            t(
                "network_csv.done",
                actors_added=result.actors_added,
                actors_updated=result.actors_updated,
                relations_added=result.relations_added,
                relations_updated=result.relations_updated,
            ),
        )
        return True
