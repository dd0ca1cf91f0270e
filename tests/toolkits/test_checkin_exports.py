"""A plan's PDF and DOCX carry its implementation progress: each check-in's dates, where each action
stood and each indicator's value at every submitted one, for the people who see it on the plan page."""

import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise, form_data
from toolkits import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(team, client):
    """Lisbon mentors Gdańsk; Gdańsk has recorded its 3-month check-in (one action done, one in progress,
    one not started; its indicators at "value 0", "value 1"...)."""
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"])
    checkin = finalise(team["plan"], team["marta"])
    client.force_login(team["marta"])
    url = reverse("toolkits:checkin", kwargs={"public_id": team["plan"].public_id, "months": checkin.months})
    data = form_data(team["plan"], statuses={0: "done", 1: "in_progress", 2: "not_started"})
    assert client.post(url, data).status_code == 302
    client.logout()
    return team


def _export(client, plan, fmt: str, name="plan_export") -> bytes:
    response = client.get(reverse(f"toolkits:{name}", kwargs={"public_id": plan.public_id, "fmt": fmt}))
    assert response.status_code == 200
    return response.content


def _pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " | ".join([*(p.text for p in document.paragraphs), *cells])


@pytest.mark.parametrize("reader", ["marta", "ana"])
def test_the_pdf_shows_each_check_in_each_actions_status_and_each_indicators_value(client, reported, reader):
    client.force_login(reported[reader])  # the team, and its mentor city

    text = _pdf_text(_export(client, reported["plan"], "pdf"))

    assert "Implementation check-ins" in text
    assert "3-month check-in" in text and "6-month check-in" in text and "Not submitted yet" in text
    for action, status in (("Action 0", "Done"), ("Action 1", "In progress"), ("Action 2", "Not started")):
        assert f"{action} {status}" in text
    assert "Measure 0 0 value 0" in text  # the indicator, its target and its value at 3 months
    assert "Goal indicator 0 All value 3" in text


def test_the_docx_shows_the_same_progress(client, reported):
    client.force_login(reported["marta"])

    text = _docx_text(_export(client, reported["plan"], "docx"))

    assert "Implementation check-ins" in text and "3-month check-in" in text and "Not submitted yet" in text
    assert "Action 0 | Done" in text and "Action 2 | Not started" in text
    assert "Measure 1 | 10 | value 1" in text


def test_a_plan_without_check_ins_exports_without_the_section(client, team):
    client.force_login(team["marta"])

    assert "Implementation check-ins" not in _docx_text(_export(client, team["plan"], "docx"))
    assert "Implementation check-ins" not in _pdf_text(_export(client, team["plan"], "pdf"))


def test_the_public_case_exports_no_check_ins(client, reported):
    plan = reported["plan"]
    plan.refresh_from_db()
    services.plan_publish(plan=plan, user=reported["marta"])

    assert "Implementation check-ins" not in _docx_text(_export(client, plan, "docx", name="case_export"))
