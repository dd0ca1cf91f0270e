"""CSV and XLSX exports of roster, progress and attendance; formulas typed by anyone stay text."""

import csv
import io

import openpyxl
import pytest

from learning import services
from learning.workspace.exports import neutralise
from tests.factories import LiveSessionFactory, lessons_of

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db

DANGEROUS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "\rReturn"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_formula_starts_are_neutralised(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Amina", "2026-01-01", 12, None, "a=b"])
def test_other_values_pass_unchanged(value):
    assert neutralise(value) == value


@pytest.fixture
def exported(cohort):
    from datetime import timedelta

    from django.utils import timezone

    lessons = lessons_of(cohort.course)
    evil = enrol(cohort, Status.ACTIVE, display_name='=HYPERLINK("http://x")')
    services.lesson_complete(enrolment=evil, lesson=lessons[0])
    enrol(cohort, Status.PENDING, display_name="@Reza")
    session = LiveSessionFactory(cohort=cohort, starts_at=timezone.now() - timedelta(days=1))
    services.attendance_record(session=session, enrolment=evil, present=True)
    return cohort


def test_csv_streams_every_trainee_with_progress_and_attendance(client, trainer, exported):
    client.force_login(trainer)

    response = client.get(url("export_csv", exported.pk))

    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:9] == [
        "Name",
        "E-mail",
        "Status",
        "Requested",
        "Last activity",
        "Lessons done",
        "Progress (%)",
        "Quizzes passed",
        "Sessions attended",
    ]
    assert rows[0][9:] == ["Lesson 1", "Lesson 2", "Lesson 3"]
    by_name = {row[0]: row for row in rows[1:]}
    evil = by_name['\'=HYPERLINK("http://x")']
    assert evil[2] == "Active" and evil[5:9] == ["1", "33", "0", "1"] and evil[9] != "" and evil[10] == ""
    assert "'@Reza" in by_name


def test_xlsx_neutralises_formulas_too(client, trainer, exported):
    client.force_login(trainer)

    response = client.get(url("export_xlsx", exported.pk))

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    names = {row[0] for row in values[1:]}
    assert names == {'\'=HYPERLINK("http://x")', "'@Reza"}
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_export_is_read_in_chunks(monkeypatch, trainer, cohort, django_assert_max_num_queries):
    """Chunked keyset reads: 7 trainees, 3 lessons and chunks of 9 cells (3 trainees) make 3 chunks."""
    from learning.workspace import exports

    for _ in range(7):
        enrol(cohort, Status.ACTIVE)
    monkeypatch.setattr(exports, "CHUNK_CELLS", 9)
    lessons = exports.lesson_entries(cohort)

    # outline (given), then per chunk: trainees (with their quiz and attendance counts) and progress;
    # and a last empty read.
    with django_assert_max_num_queries(3 * 2 + 1):
        rows = list(exports.rows(cohort, lessons=lessons))

    assert len(rows) == 8 and len({row[1] for row in rows[1:]}) == 7


def test_xlsx_dates_are_date_cells_in_the_readers_time(client, trainer, exported):
    from datetime import datetime

    client.force_login(trainer)

    response = client.get(url("export_xlsx", exported.pk))

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in next(sheet.iter_rows())]
    requested = [row[header.index("Requested")] for row in sheet.iter_rows(min_row=2)]
    assert requested and all(isinstance(cell.value, datetime) for cell in requested)
    assert all(cell.is_date and "yyyy" in cell.number_format for cell in requested)


def test_csv_writes_moments_as_iso_text(client, trainer, exported):
    import re

    client.force_login(trainer)

    text = b"".join(client.get(url("export_csv", exported.pk)).streaming_content).decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(text)))
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row[3]) for row in rows[1:])
