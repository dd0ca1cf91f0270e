import zoneinfo
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from accounts.middleware import RequestTimeZone, UserTimezoneMiddleware, resolve_zone
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def zone_during(request):
    seen = {}

    def view(req):
        seen["zone"] = timezone.get_current_timezone_name()
        return None

    UserTimezoneMiddleware(view)(request)
    return seen["zone"]


def make_request(user=None, cookie=None):

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    if cookie is not None:
        request.COOKIES["tz"] = cookie
    return request


def test_profile_time_zone_wins_over_the_browser():
    user = UserFactory(time_zone="Asia/Kabul")

    assert zone_during(make_request(user, cookie="America/Bogota")) == "Asia/Kabul"


def test_browser_time_zone_is_used_when_the_profile_has_none():
    assert zone_during(make_request(cookie="Africa/Conakry")) == "Africa/Conakry"


@pytest.mark.parametrize("cookie", ["Mars/Olympus", "../../etc/passwd", ""])
def test_forged_time_zone_cookie_falls_back_to_the_site_default(cookie, settings):
    assert zone_during(make_request(cookie=cookie)) == settings.TIME_ZONE


@pytest.mark.urls("tests.accounts.bare_urls")
def test_a_view_that_shows_no_time_never_loads_the_signed_in_person(client, django_assert_num_queries):
    client.force_login(UserFactory(time_zone="Asia/Kabul"))
    client.get("/bare/")  # the session is now in the cache, as on a running site

    with django_assert_num_queries(0):
        assert client.get("/bare/").content == b"ok"


def test_a_time_shown_is_in_the_profiles_zone_once_it_is_needed():

    seen = {}

    def view(req):
        seen["local"] = timezone.localtime(datetime(2026, 1, 1, 12, 0, tzinfo=UTC)).strftime("%H:%M %Z")
        return None

    UserTimezoneMiddleware(view)(make_request(UserFactory(time_zone="Asia/Kabul")))
    assert seen["local"] == "16:30 +0430"


def test_resolved_zone_is_the_readers_and_converts_the_same():
    lazy = RequestTimeZone(make_request(UserFactory(time_zone="Europe/Berlin")))
    moment = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)

    assert resolve_zone(lazy) == zoneinfo.ZoneInfo("Europe/Berlin")
    assert resolve_zone(UTC) is UTC
    assert moment.astimezone(resolve_zone(lazy)).isoformat() == moment.astimezone(lazy).isoformat()
