import contextlib
import zoneinfo

from django.utils import timezone

# Set by site/static/js/timezone.js from the browser's Intl API; only a fallback for people who have
# not chosen a time zone in their profile. Without JavaScript, the site's default zone is used.
TIMEZONE_COOKIE = "tz"


class UserTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone_name = getattr(request.user, "time_zone", "") or request.COOKIES.get(TIMEZONE_COOKIE, "")
        timezone.deactivate()
        if zone_name:
            # A stale or forged cookie keeps the site's default zone.
            with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.activate(zoneinfo.ZoneInfo(zone_name))
        return self.get_response(request)
