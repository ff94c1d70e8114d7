"""Handing in a module's worksheet from its page: Selbstcheck, reflections, and the zip file for the Begleitteam."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from regionallabor.arbeitsblaetter.abgabe import (
    REFLECTIONS,
    answers,
    reflections,
    released_notebook,
    save_reflection,
    submission_zip,
)
from regionallabor.arbeitsblaetter.snapshot import take_snapshot
from regionallabor.core.messages import t
from regionallabor.core.store import Arbeitsmappe, WorkbookError
from regionallabor.course import MODULES
from regionallabor_widgets.base import DownloadButton, WorkbookTool, css, heading, help_line, html


class WorksheetSubmission(WorkbookTool):
    """The zip path for teams without a hub: answers are saved as they are typed, the file is made on request."""

    SHOWS = tuple(sorted({kind for module in MODULES for kind in module.kinds} | {"reflexion"}))

    def __init__(self, workbook: Arbeitsmappe, module: int, **kwargs):
        super().__init__(workbook, **kwargs)
        self.module = module
        self.check = html()
        self.fields: dict[str, ipw.Textarea] = {}
        rows = []
        for key, question, _hint in REFLECTIONS[module]:
            field = ipw.Textarea(
                placeholder=t("worksheet.answer_placeholder"),
                continuous_update=False,
                layout=ipw.Layout(width="100%", height="90px"),
            )
            self.on_value(field, lambda new, key=key: self._save(key, new))
            self.fields[key] = field
            rows += [html(f"<div class='rl-label'>{escape(question)}</div>"), field]
        self.pseudonymise = ipw.Checkbox(
            value=True, description=t("worksheet.pseudonymise"), indent=False, layout=ipw.Layout(width="auto")
        )
        self.make = DownloadButton(t("worksheet.make_file"), t("worksheet.make_file_help"))
        self.on_download(self.make, self.make_file)
        self.children = [
            heading(t("worksheet.heading")),
            html(f"<div class='rl-help'>{escape(t('worksheet.intro'))}</div>"),
            self.check,
            html(f"<div class='rl-label'>{escape(t('worksheet.questions'))}</div>"),
            *rows,
            self.pseudonymise,
            help_line(t("privacy.what_is_replaced")),
            ipw.HBox([self.make]),
            self.notice,
        ]
        css(self, "rl-worksheet")
        self.start()

    def refresh(self) -> None:
        stored = reflections(self.workbook, self.module)
        for key, field in self.fields.items():
            text = stored[key].record.text if key in stored else ""
            if field.value != text:
                field.value = text
        missing = MODULES[self.module - 1].missing(self.workbook)
        self.check.value = (
            f"<div class='rl-check rl-check-ok'>✓ {escape(t('worksheet.check_ok_short'))}</div>"
            if not missing
            else f"<div class='rl-check rl-check-open'>{escape(t('worksheet.check_open_short', missing='; '.join(missing)))}</div>"
        )

    def _save(self, key: str, text: str) -> None:
        stored = reflections(self.workbook, self.module).get(key)
        if stored is not None and stored.record.text == text:
            return  # a refresh set the field
        try:
            saved = save_reflection(self.workbook, self.module, key, text)
        except (WorkbookError, ValueError) as error:
            self.refused(error)
            return
        self.written(saved.version)

    def make_file(self) -> tuple[str, bytes] | None:
        try:
            snapshot = take_snapshot(self.workbook, self.module, pseudonymise=self.pseudonymise.value)
            name, raw = submission_zip(snapshot, released_notebook(self.module), answers(self.workbook, self.module))
        except WorkbookError as error:
            self.notice.show("error", str(error))
            return None
        self.notice.show("success", t("worksheet.file_ready", name=name))
        return name, raw
