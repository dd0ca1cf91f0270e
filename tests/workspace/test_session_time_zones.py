"""Scheduling a live session: the zone a trainer means is chosen for them, from a list people can read,
and every time is shown in the reader's zone with the session's own beside it."""

import re
from datetime import UTC, datetime

import pytest

from tests.factories import LiveSessionFactory

from .conftest import url

pytestmark = pytest.mark.django_db


def selected_zone(html: str) -> str:
    select = re.search(r'<select name="time_zone".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="([^"]+)"[^>]* selected', select).group(1)


def test_the_trainers_profile_zone_comes_first(client, trainer, cohort):
    trainer.time_zone = "Asia/Kabul"
    trainer.save()
    client.force_login(trainer)
    client.cookies["tz"] = "America/New_York"

    assert selected_zone(client.get(url("session_create", cohort.pk)).content.decode()) == "Asia/Kabul"


def test_then_the_browsers_zone(client, trainer, cohort):
    client.force_login(trainer)
    client.cookies["tz"] = "America/New_York"

    assert selected_zone(client.get(url("session_create", cohort.pk)).content.decode()) == "America/New_York"


def test_then_the_zone_of_the_cohorts_sessions_never_the_first_of_the_list(client, trainer, cohort):
    LiveSessionFactory(cohort=cohort, time_zone="Europe/Lisbon")
    client.force_login(trainer)
    client.cookies["tz"] = "Not/A_Zone"

    html = client.get(url("session_create", cohort.pk)).content.decode()

    assert selected_zone(html) == "Europe/Lisbon"


def test_zones_are_grouped_by_region_with_readable_names(client, trainer, cohort):
    client.force_login(trainer)

    html = client.get(url("session_create", cohort.pk)).content.decode()

    europe = re.search(r'<optgroup label="Europe">(.*?)</optgroup>', html, re.S).group(1)
    assert '<option value="Europe/Brussels"' in europe and ">Brussels (Europe)</option>" in europe
    assert "Buenos Aires, Argentina (Americas)" in html
    assert 'value="US/Eastern"' not in html and 'value="Etc/GMT+5"' not in html
    assert html.count("<option ") < 500


def test_a_session_shows_the_readers_time_and_its_own(client, trainer, cohort):
    trainer.time_zone = "Europe/Brussels"
    trainer.save()
    LiveSessionFactory(
        cohort=cohort,
        title="Evening call",
        time_zone="America/New_York",
        starts_at=datetime(2027, 3, 11, 15, 0, tzinfo=UTC),
        ends_at=datetime(2027, 3, 11, 16, 30, tzinfo=UTC),
    )
    client.force_login(trainer)

    html = client.get(url("cohort", cohort.pk)).content.decode()

    assert "11 March 2027, 16:00 to 17:30, your time (Brussels)" in html
    assert "11 March 2027, 10:00 to 11:30, New York time, where the session is held" in html
