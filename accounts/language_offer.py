"""The offer, after a signed-in person switches the interface language, to make it their profile's too.

The profile's language is the one e-mails and certificates are written in; the switcher changes only the
interface (a cookie), and people who switch often forget the profile. The offer lives in the session:
it is made by the switch, shown on the pages in that language until it is answered, and once turned down
it is not made again until the person signs in again (a new session).
"""

from django.utils import translation

OFFERED = "profile_language_offer"
DECLINED = "profile_language_offer_declined"


def offer_after_switch(request, language: str, **_signal) -> None:
    """On the language switch (core.language.language_switched): offer `language` when it is not the
    profile's already."""
    user = request.user
    if not user.is_authenticated:
        return
    if user.language == language or request.session.get(DECLINED):
        request.session.pop(OFFERED, None)
    else:
        request.session[OFFERED] = language


def offered_language(request) -> str | None:
    """The language to offer on this page, if any: the one switched to, while the page is in it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    language = request.session.get(OFFERED)
    if language is None or language != translation.get_language() or language == user.language:
        return None
    return language


def offer_answered(request, *, declined: bool) -> None:
    request.session.pop(OFFERED, None)
    if declined:
        request.session[DECLINED] = True
