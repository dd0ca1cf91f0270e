from django import template
from django.utils.translation import gettext as _

from ..formatting import excerpt, render_post

register = template.Library()


@register.filter
def post_html(text: str):
    return render_post(text)


@register.filter
def post_excerpt(text: str):
    return excerpt(text)


@register.filter
def author_name(user) -> str:
    """Only the display name a person chose: never their e-mail, city or nationality."""
    if user is None:
        return _("a former member")
    return user.display_name or _("a member")
