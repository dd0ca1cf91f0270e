"""One-click unsubscribe (RFC 8058): a signed token naming a person and a kind, that works without
signing in, from the mail program's button (List-Unsubscribe-Post) or from the link in the e-mail.

The token is signed with the site's secret and a salt of its own, so it cannot be made for someone else
or for another kind, and it opens nothing but this choice. It does not expire: an old e-mail's button
must still work. DIGEST stands for the daily e-mail: it moves every kind sent in digests to the site.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.absolute_urls import absolute_url

from .models import Kind

SALT = "notifications.unsubscribe"
DIGEST = "digest"


class BadToken(Exception):
    """A token we did not sign, or for a person or kind that no longer exists."""


def token_for(*, user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def unsubscribe_url(*, user, kind: str, language: str) -> str:
    """The absolute link, in `language` (the recipient's): its page speaks to them in it."""
    with translation.override(language):
        path = reverse("notifications:unsubscribe", args=[token_for(user=user, kind=kind)])
    return absolute_url(path)


def email_headers(*, user, kind: str, language: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user=user, kind=kind, language=language)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def read_token(token: str):
    """(user, kind) behind `token`; BadToken for anything forged, altered or stale."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise BadToken from error
    if not isinstance(data, dict):
        raise BadToken
    kind, user_id = data.get("k"), data.get("u")
    if kind != DIGEST and kind not in Kind.values:
        raise BadToken
    if not isinstance(user_id, int):
        raise BadToken
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise BadToken
    return user, kind
