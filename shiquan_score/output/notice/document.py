"""The notice (通报) as a Word draft: body text from the figures, the tables as Word tables.

write_notice() is the one entry: output/notice/hook.py calls it after the workbook is written.
python-docx is imported here only, so a run without --notice never loads it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from shiquan_score.errors import InputError
from shiquan_score.messages import msg
from shiquan_score.output.notice.wording import (
    NoticeTable,
    body,
    date_text,
    document_figures,
    fill_always,
    or_placeholder,
)
from shiquan_score.period import Period
from shiquan_score.scheme.loader import Scheme
from shiquan_score.scheme.notice import NoticeScheme

__all__ = ["NoticeOptions", "NoticeTable", "Written", "build_notice", "write_notice"]


@dataclass(frozen=True)
class NoticeOptions:
    date: dt.date | None = None  # --date; else the scheme's; else 【成文日期】
    template: Path | None = None  # --notice-template: the office's own .docx
    charts: list[bytes] = field(default_factory=list)  # PNGs, one per table


@dataclass
class Written:
    path: Path
    kept: Path | None = None  # an earlier, different draft, renamed


def build_notice(
    tables: list[NoticeTable],
    scheme: Scheme,
    notice: NoticeScheme,
    period: Period,
    options: NoticeOptions,
):
    """The filled python-docx Document (not yet saved)."""
    import docx

    from shiquan_score.output.notice import page
    from shiquan_score.output.notice.fill import Attachment, Content, fill
    from shiquan_score.output.notice.tables import label_and_title

    doc_figures, _ = document_figures(tables, scheme, notice, period)
    day = options.date or notice.date
    inline = {
        page.NUMBER: fill_always(notice.texts["number"], doc_figures, notice),
        page.TITLE: fill_always(notice.texts["title"], doc_figures, notice),
        page.RECIPIENTS: or_placeholder("recipients", doc_figures, notice),
        page.SIGNATURE: or_placeholder("signature", doc_figures, notice),
        page.DATE: date_text(day, notice),
        page.PUBLIC: notice.texts["public"],
        page.CONTACT: or_placeholder("contact", doc_figures, notice),
    }
    attachments = []
    for t in tables:
        label, title = label_and_title(t.grid)
        attachments.append(Attachment(label, title, t.grid))
    lead = notice.texts["attachments"]
    if len(attachments) == 1:
        lines = [f"{lead}{attachments[0].title}"]
    else:
        lines = [f"{lead if i == 0 else ''}{i + 1}．{a.title}" for i, a in enumerate(attachments)]
    content = Content(
        inline=inline,
        body=body(tables, scheme, notice, period),
        attachment_lines=lines,
        attachments=attachments,
        charts=list(options.charts),
        zero_text=scheme.layout.get("zero_text", "——"),
        style=scheme.style,
    )
    if options.template is not None:
        try:
            document = docx.Document(str(options.template))
        except Exception:  # python-docx raises several kinds for a file that is not a .docx
            raise InputError(msg("NOTICE_TEMPLATE_UNREADABLE", file=options.template)) from None
        where = options.template.name
    else:
        document = page.skeleton(
            notice,
            [a.label for a in attachments],
            number=bool(inline[page.NUMBER]),
            charts=bool(options.charts),
            closing=(inline[page.SIGNATURE], inline[page.DATE]),
        )
        where = "（内置）"
    fill(document, content, notice, where)
    return document


def write_notice(
    target: Path,
    tables: list[NoticeTable],
    scheme: Scheme,
    notice: NoticeScheme,
    period: Period,
    options: NoticeOptions,
) -> Written:
    """Build the notice and write it beside the workbook (atomic, same bytes every run)."""
    from shiquan_score.output.notice.save import docx_bytes, write_kept

    document = build_notice(tables, scheme, notice, period, options)
    title = fill_always(
        notice.texts["title"], document_figures(tables, scheme, notice, period)[0], notice
    )
    kept = write_kept(target, docx_bytes(document, title))
    return Written(target, kept)
