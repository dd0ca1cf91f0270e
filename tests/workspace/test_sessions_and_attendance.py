"""Live sessions scheduled in their own time zone, the cohort's calendar, and the attendance sheet."""

from datetime import UTC, datetime

import pytest

from learning.models import Attendance, LiveSession
from tests.factories import LiveSessionFactory

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db


def test_schedule_a_session_in_its_own_time_zone(client, trainer, cohort):
    client.force_login(trainer)

    response = client.post(
        url("session_create", cohort.pk),
        {
            "title": "Kick-off",
            "starts_at": "2027-03-10T18:00",
            "ends_at": "2027-03-10T19:30",
            "time_zone": "Europe/Brussels",
            "online_url": "https://meet.example.org/kickoff",
        },
    )

    assert response.status_code == 302
    session = LiveSession.objects.get(cohort=cohort)
    assert session.starts_at == datetime(2027, 3, 10, 17, 0, tzinfo=UTC)  # 18:00 in Brussels, winter time
    ics = client.get(f"/en/learning/cohorts/{cohort.pk}/calendar.ics").content.decode()
    assert "DTSTART:20270310T170000Z" in ics and "SUMMARY:Kick-off" in ics


def test_session_ending_before_it_starts_is_refused_with_422(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        url("session_create", cohort.pk),
        {
            "title": "Backwards",
            "starts_at": "2027-03-10T18:00",
            "ends_at": "2027-03-10T17:00",
            "time_zone": "Europe/Brussels",
        },
    )
    assert response.status_code == 422
    assert 'value="Backwards"' in response.content.decode()
    assert not LiveSession.objects.exists()


def test_attendance_sheet_records_everyone_in_one_form(client, trainer, cohort):
    session = LiveSessionFactory(cohort=cohort)
    here, away = enrol(cohort, Status.ACTIVE), enrol(cohort, Status.ACTIVE)
    pending = enrol(cohort, Status.PENDING)
    client.force_login(trainer)

    page = client.get(url("attendance", cohort.pk, session.pk)).content.decode()
    assert f'id="present-{here.pk}"' in page and f'id="present-{pending.pk}"' not in page

    client.post(url("attendance", cohort.pk, session.pk), {"present": [here.pk]})
    assert dict(Attendance.objects.values_list("enrolment_id", "present")) == {here.pk: True, away.pk: False}

    # Ticking again corrects the sheet; a trainee who is not in the cohort is refused, nothing saved.
    response = client.post(url("attendance", cohort.pk, session.pk), {"present": [here.pk, pending.pk]})
    assert response.status_code == 422
    client.post(url("attendance", cohort.pk, session.pk), {"present": [away.pk]})
    assert dict(Attendance.objects.values_list("enrolment_id", "present")) == {here.pk: False, away.pk: True}
