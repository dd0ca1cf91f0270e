import contextlib
import datetime
import zoneinfo

from django.utils import timezone
from django.utils.functional import cached_property

# Set by site/static/js/timezone.js from the browser's Intl API; only a fallback for people who have
# not chosen a time zone in their profile. Without JavaScript, the site's default zone is used.
TIMEZONE_COOKIE = "tz"


class RequestTimeZone(datetime.tzinfo):
    """The reader's time zone, found the first time a time is shown or the zone is named.

    The profile's zone needs the user, and the user needs a session read and a query: a request that
    shows no time (a bare view, a whole page served from the cache, a file download) must not pay for
    them. Every tzinfo method defers to the zone found, so Django's formatting, `localtime()` and
    `get_current_timezone_name()` behave as if that zone had been activated directly.
    """

    def __init__(self, request):
        self._request = request

    @cached_property
    def zone(self) -> datetime.tzinfo:
        user = self._request.user
        name = (getattr(user, "time_zone", "") if user.is_authenticated else "") or self._request.COOKIES.get(
            TIMEZONE_COOKIE, ""
        )
        if name:
            # A stale or forged cookie keeps the site's default zone.
            with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
                return zoneinfo.ZoneInfo(name)
        return timezone.get_default_timezone()

    def utcoffset(self, dt):
        return self.zone.utcoffset(dt)

    def dst(self, dt):
        return self.zone.dst(dt)

    def tzname(self, dt):
        return self.zone.tzname(dt)

    def fromutc(self, dt):
        # zoneinfo refuses a datetime whose tzinfo is not itself: convert in the real zone, then hand the
        # result back in this one (same wall time and fold, so the offsets above agree).
        return self.zone.fromutc(dt.replace(tzinfo=self.zone)).replace(tzinfo=self)

    def __str__(self) -> str:  # get_current_timezone_name(), and the {% get_current_timezone %} tag
        return str(self.zone)

    def __repr__(self) -> str:
        return f"RequestTimeZone({self.zone!r})"

    def __reduce__(self):
        # A localised datetime may be cached or pickled: it keeps the real zone, never the request.
        return self.zone.__reduce__()


def resolve_zone(zone: datetime.tzinfo) -> datetime.tzinfo:
    """The zone a RequestTimeZone stands for, any other zone as it is.

    The results are the same; only the cost differs. Code that converts many moments at once (an export
    of 100,000 dates) calls zoneinfo's own methods, written in C, instead of the Python ones above.
    """
    return zone.zone if isinstance(zone, RequestTimeZone) else zone


class UserTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Left active after the response, as before: a streamed response renders after this returns.
        timezone.activate(RequestTimeZone(request))
        return self.get_response(request)
