"""Reflections a trainer sent back: the notice on *My learning* that lists them, with a link to each.

Apart from `selectors` (already long). Two queries whatever the number: the reflections, then their
lessons in the reader's language.
"""

from dataclasses import dataclass

from core.localize import translations_for

from .models import Enrolment, Reflection

LISTED = 20


@dataclass
class ToRevise:
    reflection: Reflection
    lesson_title: str
    url: str  # straight to the reflection on its lesson page


def reflections_to_revise(*, user, request=None) -> list[ToRevise]:
    reflections = list(
        Reflection.objects.filter(
            enrolment__user=user,
            enrolment__status__in=Enrolment.LEARNING,
            status=Reflection.Status.REVISION,
        )
        .select_related("lesson")
        .order_by("-reviewed_at", "pk")[:LISTED]
    )
    lessons = translations_for([reflection.lesson for reflection in reflections], request)
    listed = []
    for reflection in reflections:
        lesson = lessons.get(reflection.lesson_id)
        if lesson is None:  # unpublished since: nowhere to revise it
            continue
        listed.append(
            ToRevise(
                reflection=reflection,
                lesson_title=lesson.title,
                url=f"{lesson.get_url(request)}#block-{reflection.prompt_id}",
            )
        )
    return listed
