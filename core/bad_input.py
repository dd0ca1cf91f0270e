"""Requests that no page can answer sensibly, refused in one place with a clear 400 in the visitor's
language, before any view, query or template sees them."""

from urllib.parse import unquote

from django.template.response import TemplateResponse


def has_nul(request) -> bool:
    # A NUL byte is never part of a real address, and PostgreSQL refuses it in any text it is asked to
    # compare: /verify/%00/ or ?q=%00 would otherwise end in a server error.
    return "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", ""))


class NulByteMiddleware:
    """Answers 400 to a NUL byte in the path or the query string. Sits at the bottom of MIDDLEWARE, so that
    the language, the user and the security headers are in place for the error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            response = TemplateResponse(request, "400.html", status=400)
            return response.render()
        return self.get_response(request)
