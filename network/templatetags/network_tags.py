from django import template

from ..selectors import unread_count

register = template.Library()


@register.inclusion_tag("network/includes/links.html", takes_context=True)
def network_links(context):
    """The way into the network from a person's own pages: the directory and their messages, with how many
    conversations wait for them (one indexed count)."""
    user = context["request"].user
    return {"unread": unread_count(user=user) if user.is_authenticated else 0}
