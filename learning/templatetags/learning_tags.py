from django import template
from django.utils.html import escape
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

    Each entry is one f-string over values escaped once (`escape`), not format_html calls: those ran
    conditional_escape on every argument, two to four calls per lesson (107 per 50-lesson page), and
    were half of the tag's time. tests/learning/test_outline_tag.py holds the HTML byte for byte.

    `title_language` ({% content_language %}) marks the titles, which are the course's words: English
    ones in another language's interface while the course is not translated (an alias)."""
    marked = f" {title_language}" if title_language else ""  # format_html's output: already safe
    current_pk = getattr(current, "pk", None)
    done_keys = done_keys or ()
    done = (
        '<span class="status-done" aria-hidden="true">✓</span>'
        f'<span class="visually-hidden">{escape(gettext("Completed:"))}</span>'
    )
    todo = (
        '<span class="status-todo" aria-hidden="true">○</span>'
        f'<span class="visually-hidden">{escape(gettext("Not completed:"))}</span>'
    )
    optional = f'<span class="badge text-bg-light">{escape(gettext("optional"))}</span>'
    items = []
    for entry in outline:
        title = escape(entry.title)
        if entry.kind == "module":
            items.append(f'<li class="fw-bold mt-3 mb-1"{marked}>{title}</li>')
            continue
        here = current_pk is not None and entry.pk == current_pk
        status = done if entry.key in done_keys else todo if enrolment else ""
        if link_lessons:
            current_mark = ' aria-current="page"' if here else ""
            title = f'<a href="{escape(entry.url)}"{current_mark}{marked}>{title}</a>'
        else:
            title = f"<span{marked}>{title}</span>"
        items.append(
            f'<li class="d-flex gap-2 py-1{" fw-semibold" if here else ""}">{status} {title} '
            f"{'' if entry.required else optional}</li>"
        )
    if not outline:
        items.append(f"<li>{escape(gettext('Lessons will be published soon.'))}</li>")
    # Every piece above is literal markup or went through escape(): the whole is safe.
    return mark_safe(  # noqa: S308
        '<ol class="list-unstyled course-outline mb-0">{}</ol>'.format("\n".join(items))
    )
