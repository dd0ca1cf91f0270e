from django import template

from home.models import organisation_name

register = template.Library()


@register.simple_tag(takes_context=True, name="organisation_name")
def organisation_name_tag(context) -> str:
    """The organisation's name from the footer setting, for the header and the page titles."""
    return organisation_name(context["request"])
