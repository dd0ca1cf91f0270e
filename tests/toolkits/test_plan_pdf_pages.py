"""A long plan printed to PDF: no table row is cut across two pages, and every page repeats the headings."""

import io
import re

import pytest
from pypdf import PdfReader

from toolkits import services
from toolkits.display import plan_view
from toolkits.exports import plan_pdf

pytestmark = pytest.mark.django_db

ROWS = 24
WORDS = "open a welcome desk in the district library "


def long_actions_plan(team):
    plan = team["plan"]
    section = next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == "actions")
    rows = [
        {
            "action": f"Begin{number:02d} {WORDS * 3}End{number:02d}",
            "owner": "Social department",
            "partners": "Schools, NGOs and the library network of the city " * 2,
            "start": "2027-03-11",
            "end": "2027-09-30",
            "budget": "5000",
            "indicator": "visits",
            "target": "300 visits",
        }
        for number in range(ROWS)
    ]
    services.section_save(section=section, user=team["marta"], content={"rows": rows}, base_version=0)
    sections = list(plan.sections.all())
    for each in sections:
        each.plan = plan
    return plan, plan_view(sections)


def test_every_row_of_a_long_table_stays_on_one_page_under_its_headings(team):
    plan, sections = long_actions_plan(team)

    pdf = plan_pdf(plan, sections)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]

    def page_of(marker):
        return [index for index, text in enumerate(pages) if marker in re.sub(r"\s+", "", text)]

    table_pages = set()
    for number in range(ROWS):
        begins, ends = page_of(f"Begin{number:02d}"), page_of(f"End{number:02d}")
        assert begins == ends, f"row {number} starts on page {begins} and ends on page {ends}"
        table_pages.update(begins)
    assert len(table_pages) > 1, "the table should be long enough to need several pages"
    for index in table_pages:
        assert "Owner" in pages[index] and "Target" in pages[index], f"page {index + 1} lost the headings"
