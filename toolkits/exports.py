"""A plan as PDF (through core.pdf, the platform's one PDF path) and as DOCX (python-docx).

Both start from display.plan_view, the same values the web page shows. The PDF is rendered from a
Django template (autoescaped); python-docx writes text runs, never markup, so a plan's text cannot
become anything but text.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _


def plan_pdf(plan, sections: list[dict], *, progress: dict | None = None, request=None) -> bytes:
    """`progress`: the implementation check-ins (checkins.selectors.export_progress), or None."""
    from core.pdf import render_pdf  # WeasyPrint is heavy to import: only when a PDF is asked for

    context = {"plan": plan, "sections": sections, "progress": progress, "now": timezone.now()}
    return render_pdf(render_to_string("toolkits/plan_pdf.html", context, request=request))


def _strip_html(html: str) -> str:
    return strip_tags(html).strip()


def _checkin_name(checkin) -> str:
    return _("%(months)s-month check-in") % {"months": checkin.months}


def _add_table(document, headings: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value


def _docx_progress(document, progress: dict) -> None:
    """The check-ins, then each action's status and each indicator's value at every submitted one."""
    document.add_heading(_("Implementation check-ins"), level=1)
    _add_table(
        document,
        [_("Check-in"), _("Due on"), _("Submitted")],
        [
            [
                _checkin_name(checkin),
                date_format(checkin.due_on, "DATE_FORMAT"),
                date_format(timezone.localtime(checkin.submitted_at), "DATE_FORMAT")
                if checkin.submitted_at
                else _("Not submitted yet"),
            ]
            for checkin in progress["checkins"]
        ],
    )
    submitted = progress["submitted"]
    months = [_("%(months)s months") % {"months": checkin.months} for checkin in submitted]
    if progress.get("actions"):
        document.add_paragraph()
        _add_table(
            document,
            [_("Action"), *months],
            [[row["text"], *(status or "—" for status in row["statuses"])] for row in progress["actions"]],
        )
    if submitted and progress["indicators"]:
        document.add_paragraph()
        _add_table(
            document,
            [_("Indicator"), _("Target"), *months],
            [
                [row["item"].text, row["item"].target or "—", *(value or "—" for value in row["values"])]
                for row in progress["indicators"]
            ],
        )


def plan_docx(plan, sections: list[dict], *, progress: dict | None = None) -> bytes:
    # python-docx (about 14 MiB resident) only in the process that writes a DOCX, like WeasyPrint above.
    from docx import Document

    document = Document()
    document.core_properties.title = plan.title
    document.add_heading(plan.title, level=0)
    document.add_paragraph(
        _("%(organisation)s · %(status)s · template: %(template)s")
        % {
            "organisation": plan.organisation.name,
            "status": plan.get_status_display(),
            "template": plan.template_title,
        }
    )
    for section in sections:
        document.add_heading(section["title"], level=1)
        if section["guidance"]:
            document.add_paragraph(_strip_html(section["guidance"]), style="Intense Quote")
        kind = section["type"]
        if kind == "free_text":
            document.add_paragraph(section["text"])
        elif kind == "questions":
            for question, answer in section["answers"]:
                document.add_paragraph(question, style="List Bullet")
                document.add_paragraph(answer)
        elif kind == "assessment":
            for statement, score in section["scores"]:
                document.add_paragraph(f"{statement}: {score if score else '—'} / 5", style="List Bullet")
            if section["comment"]:
                document.add_paragraph(section["comment"])
        elif "rows" in section:
            _add_table(document, section["columns"], section["rows"])
    if progress:
        _docx_progress(document, progress)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
