"""No whole page survives a write of what it shows, once the write commits, whichever door the write
comes through: the whole-page cache retires through the registry (core.site_cache), nothing else.

Each case fills the cache with an anonymous reader's page, writes, runs the commit callbacks and asks
again: the reader must see the write. A page served from before the write fails the test."""

import uuid

import pytest
from django.core.files.base import ContentFile
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupApprovalTask, Site, Workflow, WorkflowTask

from home.models import FooterSettings, HomePage, StandardPage
from learning.models import CourseIndexPage, Topic
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, catalogue, make_course
from tests.toolkits import factories as toolkits

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode() if response.status_code == 200 else ""


def publish():
    course = make_course(title="Voting rights", lessons=0)

    def write():
        course.title = "Voting rights, renewed"
        course.save_revision().publish()

    return course.url, write, lambda response: "Voting rights, renewed" in _text(response)


def unpublish():
    course = make_course(title="Voting rights", lessons=0)
    return course.url, course.unpublish, lambda response: response.status_code == 404


def move():
    course = make_course(title="Voting rights", lessons=0)
    home = HomePage.objects.get(locale__language_code="en")
    elsewhere = home.add_child(instance=CourseIndexPage(title="Archive", slug="archive"))
    # Gone from its old address (Wagtail's redirects send the reader on to the new one).
    gone = {301, 404}
    return course.url, lambda: course.move(elsewhere, pos="last-child"), lambda r: r.status_code in gone


def delete():
    course = make_course(title="Voting rights", lessons=0)
    return course.url, course.delete, lambda response: response.status_code == 404


def approval_in_a_workflow():
    """Wagtail publishes an approved revision inside a transaction: the purge waits for its commit."""
    course = make_course(title="Voting rights", lessons=0)
    editor = UserFactory(is_staff=True, is_superuser=True)
    workflow = Workflow.objects.create(name=f"Moderation {uuid.uuid4().hex[:6]}")
    task = GroupApprovalTask.objects.create(name="Approve")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    course.title = "Voting rights, approved"
    course.save_revision(user=editor)
    state = workflow.start(course, editor)

    def write():
        state.current_task_state.approve(user=editor)

    return course.url, write, lambda response: "Voting rights, approved" in _text(response)


def settings():
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.organisation_name = "Org"
    footer.save()

    def write():
        footer.address = "Rue Neuve 1, 1000 Brussels"
        footer.save()

    return "/en/", write, lambda response: "Rue Neuve 1, 1000 Brussels" in _text(response)


def snippet():
    topic = Topic.objects.create(name="Participation", locale=make_course().locale)
    course = make_course(title="Voting rights", lessons=0)
    course.topic = topic
    course.save_revision().publish()

    def write():
        topic.name = "Political participation"
        topic.save()

    return catalogue().url, write, lambda response: "Political participation" in _text(response)


def document_file_replaced():
    document = toolkits.document(title="Integration model", name="model.pdf")
    page = toolkits.toolkit(toolkits.library(), documents=[(document, "en")])

    edition = f"model-{uuid.uuid4().hex[:8]}"  # storage adds a suffix to a name already taken

    def write():
        document.file = ContentFile(b"%PDF-1.5 a new edition", name=f"{edition}.pdf")
        document.save()

    return page.url, write, lambda response: edition in _text(response)


def image_replaced():
    image = get_image_model().objects.create(title="Map", file=get_test_image_file(filename="old-map.png"))
    body = [{"type": "image", "id": str(uuid.uuid4()), "value": {"image": image.pk, "alt_text": "A map"}}]
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(instance=StandardPage(title="Map", slug="map", body=body))

    def write():
        # What the admin's image editor does when a new file is chosen.
        image.file = get_test_image_file(filename="new-map.png")
        image.save()
        image.renditions.all().delete()

    return page.url, write, lambda response: "new-map" in _text(response) and "old-map" not in _text(response)


def cohort_capacity():
    cohort = CohortFactory(course=make_course(title="Voting rights", lessons=0), capacity=5)

    def write():
        cohort.capacity = 9
        cohort.save()

    return cohort.course.url, write, lambda response: "9 seats left" in _text(response)


def enrolment():
    cohort = CohortFactory(course=make_course(title="Voting rights", lessons=0), capacity=5)
    return (
        catalogue().url,
        lambda: EnrolmentFactory(cohort=cohort),
        lambda response: "4 seats left" in _text(response),
    )


PATHS = [
    publish,
    unpublish,
    move,
    delete,
    approval_in_a_workflow,
    settings,
    snippet,
    document_file_replaced,
    image_replaced,
    cohort_capacity,
    enrolment,
]


@pytest.mark.parametrize("path", PATHS, ids=[path.__name__ for path in PATHS])
def test_no_stale_whole_page_survives_a_committed_write(path, client, django_capture_on_commit_callbacks):
    url, write, fresh = path()
    before = client.get(url)
    assert before.status_code == 200 and not fresh(before)
    assert client.get(url).content == before.content  # now served from the whole-page cache

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        write()
    assert callbacks, "the write retired nothing"

    assert fresh(client.get(url)), "a stale whole page survived the write"
