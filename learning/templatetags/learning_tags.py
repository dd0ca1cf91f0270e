from django import template

from accounts.time_zones import zone_city as city
from core.sections import section_pages
from core.site_cache import cached_per_site

from ..forms import ReflectionForm

register = template.Library()


@register.simple_tag
def reflection_form(item, bound_forms):
    """The form sent back with its errors if there is one, else a form holding the saved text."""
    block_id = item.block.id
    if block_id in bound_forms:
        return bound_forms[block_id]
    initial = {"text": item.reflection.text} if item.reflection else None
    return ReflectionForm(initial=initial, min_words=item.block.value["min_words"], block_id=block_id)


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The course catalogue in the visitor's language (cached with the content)."""
    request = context["request"]

    def compute():
        local, first = section_pages(request, "catalogue")  # any language's rather than none
        index = local or first
        return index.get_url(request) if index else ""

    return cached_per_site(request, "catalogue-url", compute)


@register.filter
def zone_city(name: str) -> str:
    """A time zone by the city people know it by: "Europe/Brussels" → "Brussels"."""
    return city(name or "")

