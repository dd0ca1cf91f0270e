"""A plan exported to PDF and DOCX contains its text, escaped."""

import io
import zipfile

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from toolkits import services
from toolkits.display import plan_view

pytestmark = pytest.mark.django_db


def fill(team):
    plan = team["plan"]
    for section in plan.sections.all():
        kind = plan.template_snapshot[section.position]["type"]
        if kind == "free_text":
            content = {"text": "Schools in Orunia need bilingual mediators & a < b."}
        elif kind == "actions":
            content = {
                "rows": [
                    {
                        "action": "Open a welcome desk",
                        "owner": "Social department",
                        "partners": "",
                        "start": "2026-03-01",
                        "end": "2026-09-30",
                        "budget": "5000",
                        "indicator": "",
                        "target": "300 visits",
                    }
                ]
            }
        else:
            continue
        services.section_save(section=section, user=team["marta"], content=content, base_version=0)
    return plan


def test_pdf_export_contains_the_plan(client, team):
    plan = fill(team)
    client.force_login(team["marta"])
    response = client.get(reverse("toolkits:plan_export", kwargs={"public_id": plan.public_id, "fmt": "pdf"}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content.startswith(b"%PDF-")
    # The PDF's text streams are compressed: check the HTML it is rendered from, with the same view.
    sections = plan.sections.all()
    for section in sections:
        section.plan = plan
    html = render_to_string("toolkits/plan_pdf.html", {"plan": plan, "sections": plan_view(sections)})
    assert "bilingual mediators &amp; a &lt; b." in html
    assert "Open a welcome desk" in html


def test_docx_export_contains_the_plan(client, team):
    plan = fill(team)
    client.force_login(team["piotr"])
    response = client.get(
        reverse("toolkits:plan_export", kwargs={"public_id": plan.public_id, "fmt": "docx"})
    )
    assert response.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert "Gdansk plan 2026" in xml
    assert "bilingual mediators &amp; a &lt; b." in xml
    assert "Open a welcome desk" in xml and "300 visits" in xml


def test_unknown_export_format_is_404(client, team):
    client.force_login(team["marta"])
    url = reverse("toolkits:plan_export", kwargs={"public_id": team["plan"].public_id, "fmt": "exe"})
    assert client.get(url).status_code == 404
