"""A plan as PDF (through core.pdf, the platform's one PDF path) and as DOCX (python-docx).

Both start from display.plan_view, the same values the web page shows. The PDF is rendered from a
Django template (autoescaped); python-docx writes text runs, never markup, so a plan's text cannot
become anything but text.
"""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _


def plan_pdf(plan, sections: list[dict], *, request=None) -> bytes:
    from core.pdf import render_pdf  # WeasyPrint is heavy to import: only when a PDF is asked for

    html = render_to_string(
        "toolkits/plan_pdf.html", {"plan": plan, "sections": sections, "now": timezone.now()}, request=request
    )
    return render_pdf(html)


def _strip_html(html: str) -> str:
    return strip_tags(html).strip()


def plan_docx(plan, sections: list[dict]) -> bytes:
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
            table = document.add_table(rows=1, cols=len(section["columns"]))
            table.style = "Table Grid"
            for cell, heading in zip(table.rows[0].cells, section["columns"], strict=True):
                cell.text = heading
            for row in section["rows"]:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
