from django import template

from ..selectors import COUNT_CAP, unread_count

register = template.Library()


@register.inclusion_tag("notifications/header_link.html", takes_context=True)
def notifications_link(context):
    """The header's link to the centre, only when something is unread: its count, in words for screen
    readers ("3 unread notifications"). One indexed COUNT, stopped at COUNT_CAP ("99+"). The header
    has no room for one more word in French or Portuguese (tests/browser/test_phones.py): the centre is
    always linked from *My learning*."""
    unread = unread_count(user=context["user"])
    capped = unread >= COUNT_CAP
    return {"unread": unread, "capped": capped, "shown": f"{COUNT_CAP - 1}+" if capped else unread}
