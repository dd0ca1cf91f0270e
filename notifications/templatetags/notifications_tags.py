from django import template

from ..selectors import COUNT_CAP, unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def notifications_unread(context) -> dict:
    """The header's unread count, read with the signed-in person (accounts.backends), or else one indexed
    COUNT; shown as "99+" from COUNT_CAP on.

    The header links the centre only when something is unread, as a badge: one more word does not fit
    its row in French or Portuguese (tests/browser/test_phones.py). *My learning* always links it."""
    unread = unread_count(user=context["user"])
    capped = unread >= COUNT_CAP
    return {"unread": unread, "capped": capped, "shown": f"{COUNT_CAP - 1}+" if capped else unread}
