import pytest
from django.test import RequestFactory
from django.utils import timezone

from accounts.middleware import UserTimezoneMiddleware
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
    from django.contrib.auth.models import AnonymousUser

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
