"""Staff see the overdue check-ins in the admin (with CSV and XLSX); the reminders find the ones due soon."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.toolkits import factories as f
from tests.toolkits.checkin_helpers import fill, finalise
from toolkits.checkins import services as checkin_services
from toolkits.models import CheckIn

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def late(team):
    """Gdańsk's 3-month check-in is 9 days overdue; its 6-month one was submitted late, so it is not."""
    f.pairing(team["lisbon"], team["gdansk"])
    fill(team["plan"], team["marta"])
    three = finalise(team["plan"], team["marta"], open_first=False)
    today = timezone.localdate()
    CheckIn.objects.filter(pk=three.pk).update(due_on=today - timedelta(days=9))
    six = CheckIn.objects.get(plan=team["plan"], months=6)
    CheckIn.objects.filter(pk=six.pk).update(due_on=today - timedelta(days=3))
    six.refresh_from_db()
    checkin_services.checkin_submit(checkin=six, user=team["marta"], actions=[], indicators=[])
    CheckIn.objects.filter(plan=team["plan"], months=12).update(due_on=today + timedelta(days=6))
    return team


def test_staff_see_each_overdue_check_in_with_its_days(client, late):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = _body(client.get(reverse("toolkits_overdue_checkins_report"))).decode()
    csv = _body(client.get(reverse("toolkits_overdue_checkins_report"), {"export": "csv"})).decode()
    xlsx = client.get(reverse("toolkits_overdue_checkins_report"), {"export": "xlsx"})
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "City of Lisbon mentors City of Gdansk" in page and "Gdansk plan 2026" in page
    lines = csv.strip().splitlines()
    assert lines[0] == "Plan,Pairing,City,Check-in (months),Due on,Days overdue"
    assert len(lines) == 2  # the submitted and the future ones are not listed
    assert lines[1].startswith("Gdansk plan 2026,City of Lisbon mentors City of Gdansk,City of Gdansk,3,")
    assert lines[1].endswith(",9")
    sheet = openpyxl.load_workbook(io.BytesIO(_body(xlsx))).active
    assert sheet.max_row == 2 and sheet.cell(2, 6).value == 9
    assert reverse("toolkits_overdue_checkins_report") in menu


@pytest.mark.parametrize("role", ["editor", "official"])
def test_nobody_but_staff_opens_the_report(client, late, role):
    user = late["marta"] if role == "official" else UserFactory(is_staff=False)
    if role == "editor":
        user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)

    for name in ("toolkits_overdue_checkins_report", "toolkits_overdue_checkins_report_results"):
        response = client.get(reverse(name), {"export": "csv"})
        assert response.status_code != 200
        assert b"Gdansk plan 2026" not in _body(response)
    if role == "editor":
        assert reverse("toolkits_overdue_checkins_report") not in client.get("/admin/").content.decode()
