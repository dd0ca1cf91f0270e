"""What "Keep for offline" stores on a trainee's device for one course: the course page, its lessons and
the images and documents they show, addressed in the language the trainee reads the course in. The
pages are kept as they are in low-data mode (core/low_data.py): a video is a link with its transcript,
which can be read offline, instead of a player, which cannot play; an image is its one small rendition.

Only the person's own enrolment opens the list (the view answers 404 otherwise), and the pages are fetched
by their own browser with their own session, so a kept lesson is exactly the page they would see online.
The page script (js/offline.js) adds the style sheets, scripts and fonts those pages use.
"""

from django.utils.translation import ngettext
from wagtail.images.shortcuts import get_rendition_or_not_found

from .models import CoursePage, LessonPage
from .selectors import course_outline

# The one rendition a page in low-data mode shows (includes/image.html), which is the page kept: the
# original upload, often a phone photo of several megabytes, is never shown and must not be downloaded.
KEPT_RENDITION = "width-480"


def _files(lesson: LessonPage) -> list[str]:
    urls = []
    for block in lesson.body:
        if block.block_type == "image":
            urls.append(get_rendition_or_not_found(block.value, KEPT_RENDITION).url)
        elif block.block_type == "document":
            urls.append(block.value["document"].url)
    return urls


def offline_copy(*, course: CoursePage, request) -> dict:
    """The addresses to keep, and the sentence that tells the trainee what was kept."""
    outline = course_outline(course, request)
    lessons = LessonPage.objects.live().filter(
        pk__in=[entry.pk for entry in outline if entry.kind == "lesson"]
    )
    by_pk = {lesson.pk: lesson for lesson in lessons}
    pages = [course.get_url(request)]
    files = []
    for entry in outline:
        lesson = by_pk.get(entry.pk)
        if lesson is not None:
            pages.append(entry.url)
            files += [url for url in _files(lesson) if url not in files]
    count = len(pages) - 1
    return {
        "pages": pages,
        "files": files,
        "message": ngettext(
            "Kept on this device: %(count)s lesson, with its images and documents. You can read it "
            "without a connection; what you do offline is sent when you are back online.",
            "Kept on this device: %(count)s lessons, with their images and documents. You can read them "
            "without a connection; what you do offline is sent when you are back online.",
            count,
        )
        % {"count": count},
    }
