from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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


@register.simple_tag
def course_outline(outline, done_keys, enrolment=None, link_lessons=False, current=None, title_language=""):
    """A course's outline with the reader's progress: what learning/includes/outline.html rendered,
    built in Python, since its template loop (a dozen tags per lesson) was most of the enrolled course
    page's rendering at 50 lessons. The reader's finished lessons are a set lookup per entry.

    `title_language` ({% content_language %}) marks the titles, which are the course's words: English
    ones in another language's interface while the course is not translated (an alias)."""
    marked = mark_safe(f" {title_language}") if title_language else ""  # noqa: S308 (format_html's output)
    current_pk = getattr(current, "pk", None)
    done_keys = done_keys or ()
    done = format_html(
        '<span class="status-done" aria-hidden="true">✓</span><span class="visually-hidden">{}</span>',
        gettext("Completed:"),
    )
    todo = format_html(
        '<span class="status-todo" aria-hidden="true">○</span><span class="visually-hidden">{}</span>',
        gettext("Not completed:"),
    )
    optional = format_html('<span class="badge text-bg-light">{}</span>', gettext("optional"))
    items = []
    for entry in outline:
        if entry.kind == "module":
            items.append(format_html('<li class="fw-bold mt-3 mb-1"{}>{}</li>', marked, entry.title))
            continue
        here = current_pk is not None and entry.pk == current_pk
        status = done if entry.key in done_keys else todo if enrolment else ""
        if link_lessons:
            current_mark = mark_safe(' aria-current="page"') if here else ""
            title = format_html('<a href="{}"{}{}>{}</a>', entry.url, current_mark, marked, entry.title)
        else:
            title = format_html("<span{}>{}</span>", marked, entry.title)
        items.append(
            format_html(
                '<li class="d-flex gap-2 py-1{}">{} {} {}</li>',
                " fw-semibold" if here else "",
                status,
                title,
                "" if entry.required else optional,
            )
        )
    if not outline:
        items.append(format_html("<li>{}</li>", gettext("Lessons will be published soon.")))
    return format_html(
        '<ol class="list-unstyled course-outline mb-0">{}</ol>',
        mark_safe("\n".join(items)),  # noqa: S308
    )
