"""Low-data mode: pages that cost a reader on a small data plan less, when their browser's data saver
asks for it (the `Save-Data: on` request header) or their profile does (`user.low_data`, set on the
profile page). Templates read `low_data` (the context processor below): images come at a small
rendition, videos as a link with their transcript open instead of a player, so nothing plays by itself.

A page built for one kind of reader must never reach the other: every response says it varies on
Save-Data, which puts the header in the whole-page cache's key (Django learns the key from Vary,
core/page_cache.py) and in any browser's or proxy's. Signed-in readers, whose profile may ask for it
without the header, are never served whole cached pages; fragments that differ ({% sitecache %} of a
lesson's blocks and a page's body) carry `low_data` in their key.
"""

from django.utils.cache import patch_vary_headers

SAVE_DATA = "Save-Data"


def wants_low_data(request) -> bool:
    if request.headers.get(SAVE_DATA, "").strip().lower() == "on":
        return True
    # The profile's setting (accounts.User.low_data). A reader without a session costs no query here.
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and getattr(user, "low_data", False))


def low_data(request) -> dict:
    """Template context processor: `low_data` is True when this reader wants light pages."""
    return {"low_data": wants_low_data(request)}


class SaveDataVaryMiddleware:
    """Every response may differ with Save-Data: say so, so no cache hands one variant to the other."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, (SAVE_DATA,))
        return response
