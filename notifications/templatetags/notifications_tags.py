from django import template

from ..selectors import COUNT_CAP, unread_count

register = template.Library()


@register.inclusion_tag("notifications/header_link.html", takes_context=True)
def notifications_link(context):
    """The header's link with the unread count: one indexed COUNT, stopped at COUNT_CAP ("99+")."""
    unread = unread_count(user=context["user"])
    capped = unread >= COUNT_CAP
    return {"unread": unread, "capped": capped, "shown": f"{COUNT_CAP - 1}+" if capped else unread}
