"""{% admin_init %}: a Wagtail start as inert JSON (core.admin_csp), for the templates core overrides."""

import json

from django import template

from core.admin_csp import init_call

register = template.Library()


@register.simple_tag
def admin_init(kind, name, *args):
    return init_call(kind, name, *args)


@register.filter
def from_json(text):
    """Wagtail hands its widgets' options to templates as JSON text; they go back in as values."""
    return json.loads(text)
