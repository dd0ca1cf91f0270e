"""Every write of what a cached entry shows retires the entry, once the write commits, whichever way it
is written; nothing else reaches the cache's keys that could fill it or outlive a deploy."""

import uuid
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupApprovalTask, Locale, Page, PageViewRestriction, Site, Workflow, WorkflowTask

from accounts.models import LegalVersion
from core import site_cache
from home.models import FooterSettings
from learning.certificates.models import Certificate
from learning.models import Cohort, Enrolment, Topic
from tests.certificates.helpers import completed_enrolment
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    catalogue,
    legal_version,
    lessons_of,
    make_course,
)
from tests.toolkits import factories as f
from tests.toolkits.factories import library
from toolkits.models import Theme

pytestmark = pytest.mark.django_db


def probe(tags, value):
    """A cached entry depending on `tags`, as a page would read it: a new request each time."""
    request = RequestFactory().get("/en/")
    return site_cache.cached_per_site(request, "probe", lambda: value, tags=tags)


def assert_retired_on_commit(capture, tags, write):
    """The entry built before `write` survives until the write commits, and not a moment after."""
    assert probe(tags, "before") == "before"
    with capture() as callbacks:
        write()
        # Not yet committed: another reader may still read the old rows and cache them now.
        assert probe(tags, "during") == "before"
    assert callbacks, "the write retired nothing"
    for callback in callbacks:
        callback()
    assert probe(tags, "after") == "after", "a stale entry survived the write"


# One way to write each registered model, per path it can be written through -----------------------


def _page():
    return make_course(lessons=1)


def _publish(page):
    page.title = "Changed"
    page.save_revision().publish()


def _approve(page):
    """A moderated change approved in the workflow: Wagtail publishes it inside a transaction."""
    editor = UserFactory(is_staff=True, is_superuser=True)
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderation")
        task = GroupApprovalTask.objects.create(name="Approve")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page.title = "Approved title"
    page.save_revision(user=editor)
    state = workflow.start(page, editor)
    return lambda: state.current_task_state.approve(user=editor)


def _move(page):
    target = make_course(lessons=0)
    return lambda: page.get_children().first().specific.move(target, pos="last-child")


def _image():
    return get_image_model().objects.create(title="Map", file=get_test_image_file())


def _document():
    return get_document_model().objects.create(title="Guide", file=ContentFile(b"%PDF-1.4", name="g.pdf"))


def _certificate():
    from learning.certificates import services

    return services.certificate_issue(enrolment=completed_enrolment())


def _cohort():
    return CohortFactory()


def _topic():
    return Topic.objects.create(name="Participation", locale=Locale.get_default())


def _theme():
    return Theme.objects.create(
        name="Housing", slug=f"housing-{uuid.uuid4().hex[:6]}", locale=Locale.get_default()
    )


def _legal(live=True):
    return legal_version("privacy", uuid.uuid4().hex[:6], live=live)


WRITES = {
    LegalVersion: {
        "publish": lambda: (lambda v: lambda: v.save_revision().publish())(_legal(live=False)),
        "unpublish": lambda: _legal().unpublish,
        "delete": lambda: _legal().delete,
        "QuerySet.update": lambda: (
            lambda v: lambda: LegalVersion.objects.filter(pk=v.pk).update(version="2.0")
        )(_legal()),
    },
    Page: {
        "publish": lambda: (lambda page: lambda: _publish(page))(_page()),
        "moderated approval": lambda: _approve(_page()),
        "unpublish": lambda: _page().unpublish,
        "move": lambda: _move(_page()),
        "delete": lambda: _page().get_children().first().delete,
        "copy": lambda: (lambda page: lambda: page.copy(update_attrs={"slug": "copy"}))(_page()),
    },
    FooterSettings: {
        "save": lambda: (lambda f: lambda: setattr(f, "address", "Elsewhere") or f.save())(
            FooterSettings.for_site(Site.objects.get(is_default_site=True))
        ),
        "delete": lambda: FooterSettings.for_site(Site.objects.get(is_default_site=True)).delete,
    },
    Site: {
        "save": lambda: (lambda s: lambda: setattr(s, "site_name", "Renamed") or s.save())(
            Site.objects.get()
        ),
        "create": lambda: (
            lambda: Site.objects.create(hostname="other.example", root_page=Page.objects.get(depth=1))
        ),
    },
    Locale: {
        # Every configured language is a locale from the first migration: these are two more.
        "create": lambda: lambda: Locale.objects.create(language_code="sv"),
        "delete": lambda: Locale.objects.create(language_code="da").delete,
    },
    PageViewRestriction: {
        "create": lambda: (
            lambda page: lambda: PageViewRestriction.objects.create(page=page, restriction_type="login")
        )(_page()),
        "delete": lambda: PageViewRestriction.objects.create(page=_page(), restriction_type="login").delete,
    },
    get_document_model(): {
        "replace the file": lambda: (
            lambda d: lambda: setattr(d, "file", ContentFile(b"%PDF-1.5", name="new.pdf")) or d.save()
        )(_document()),
        "delete": lambda: _document().delete,
    },
    get_image_model(): {
        "replace the file": lambda: (lambda i: lambda: setattr(i, "file", get_test_image_file()) or i.save())(
            _image()
        ),
        "move the focal point": lambda: (
            lambda i: lambda: setattr(i, "focal_point_x", 10) or setattr(i, "focal_point_y", 10) or i.save()
        )(_image()),
        "delete": lambda: _image().delete,
    },
    # Not "create": a rendition is made while the page showing it renders, so no entry can hold it from
    # before (test_a_new_rendition_retires_nothing below). Every other write of one still retires.
    get_image_model().get_rendition_model(): {
        "delete (the old renditions of a replaced image)": lambda: (
            lambda i: i.get_rendition("fill-10x10").delete
        )(_image()),
        "save (a new file)": lambda: (
            lambda r: lambda: setattr(r, "file", get_test_image_file(filename="r.png")) or r.save()
        )(_image().get_rendition("fill-10x10")),
    },
    Topic: {
        "save": lambda: (lambda t: lambda: setattr(t, "name", "Votes") or t.save())(_topic()),
        "delete": lambda: _topic().delete,
        "QuerySet.update": lambda: (lambda t: lambda: Topic.objects.filter(pk=t.pk).update(name="Votes"))(
            _topic()
        ),
        "QuerySet.delete": lambda: (lambda t: lambda: Topic.objects.filter(pk=t.pk).delete())(_topic()),
        "bulk_create": lambda: (
            lambda: Topic.objects.bulk_create([Topic(name="New", locale=Locale.get_default())])
        ),
    },
    Theme: {
        "save": lambda: (lambda t: lambda: setattr(t, "name", "Homes") or t.save())(_theme()),
        "delete": lambda: _theme().delete,
        "QuerySet.update": lambda: (lambda t: lambda: Theme.objects.filter(pk=t.pk).update(name="Homes"))(
            _theme()
        ),
        "bulk_update": lambda: (
            lambda t: lambda: setattr(t, "name", "Homes") or Theme.objects.bulk_update([t], ["name"])
        )(_theme()),
    },
    Cohort: {
        "save": lambda: (lambda c: lambda: setattr(c, "capacity", 3) or c.save())(_cohort()),
        "delete": lambda: _cohort().delete,
        "QuerySet.update": lambda: (lambda c: lambda: Cohort.objects.filter(pk=c.pk).update(capacity=3))(
            _cohort()
        ),
        "bulk_update": lambda: (
            lambda c: lambda: setattr(c, "capacity", 3) or Cohort.objects.bulk_update([c], ["capacity"])
        )(_cohort()),
    },
    Enrolment: {
        "create": lambda: (lambda c: lambda: EnrolmentFactory(cohort=c))(_cohort()),
        "delete": lambda: EnrolmentFactory().delete,
        "QuerySet.update": lambda: (
            lambda e: lambda: Enrolment.objects.filter(pk=e.pk).update(status=Enrolment.Status.WITHDRAWN)
        )(EnrolmentFactory()),
        "bulk_create": lambda: (
            lambda c, u: (
                lambda: Enrolment.objects.bulk_create(
                    [Enrolment(cohort=c, user=u, status="active", course_key=c.course.translation_key)]
                )
            )
        )(_cohort(), UserFactory()),
    },
}

# Per-object tags: the entry depends on the object the write touches.
OBJECT_WRITES = {
    Certificate: {
        "save (revoked)": lambda c: lambda: setattr(c, "status", Certificate.Status.REVOKED) or c.save(),
        "delete": lambda c: c.delete,
    },
}


def test_every_registered_model_has_its_writes_walked():
    assert set(site_cache.registered()) == set(WRITES) | set(OBJECT_WRITES)


CASES = [(model, name) for model, writes in WRITES.items() for name in writes]


@pytest.mark.parametrize(("model", "way"), CASES, ids=[f"{m.__name__}-{w}" for m, w in CASES])
def test_a_write_retires_what_the_cache_shows_of_it(model, way, django_capture_on_commit_callbacks):
    if model is Page:
        catalogue()
    write = WRITES[model][way]()  # the data is made first: only the write itself is watched
    tags = site_cache.rule_for(model).tags
    assert_retired_on_commit(django_capture_on_commit_callbacks, tags, write)


OBJECT_CASES = [(model, name) for model, writes in OBJECT_WRITES.items() for name in writes]


@pytest.mark.parametrize(("model", "way"), OBJECT_CASES, ids=[f"{m.__name__}-{w}" for m, w in OBJECT_CASES])
def test_a_write_retires_what_the_cache_shows_of_that_object(model, way, django_capture_on_commit_callbacks):
    instance = _certificate()
    write = OBJECT_WRITES[model][way](instance)
    tags = site_cache.rule_for(model).tags_for(instance)
    assert_retired_on_commit(django_capture_on_commit_callbacks, tags, write)


def test_saving_a_draft_or_a_lock_retires_nothing(django_capture_on_commit_callbacks):
    page = make_course(lessons=0)
    with django_capture_on_commit_callbacks() as callbacks:
        page.title = "A draft title"
        page.save_revision()
        page.locked = True
        page.save(update_fields=["locked"])
    assert callbacks == []
    version = _legal()
    with django_capture_on_commit_callbacks() as callbacks:
        version.changes = "A draft of what changed"
        version.save_revision()
    assert callbacks == []


def test_a_new_rendition_retires_nothing(django_capture_on_commit_callbacks):
    """The one creation that retires nothing: the page that asks for a rendition is rendered after it
    exists, so its HTML already has the rendition's URL, and an entry built before cannot show a URL
    that did not exist yet. Retiring here threw away every cached page, the one just built included,
    on the first view of each image. One rendition (saved, with its signal) or several (in bulk)."""
    image = _image()
    with django_capture_on_commit_callbacks() as callbacks:
        image.get_rendition("width-480")
        image.get_renditions("width-960", "width-1440")
    assert image.renditions.count() == 3
    assert callbacks == []


@pytest.mark.parametrize("model", [get_document_model(), get_image_model()], ids=["document", "image"])
def test_recording_a_files_size_and_hash_retires_nothing(model, django_capture_on_commit_callbacks):
    """Wagtail saves them the first time something asks (a page that shows a document's size, the admin's
    edit view): the file is the same, nothing a page shows changes."""
    item = _document() if model is get_document_model() else _image()
    model.objects.filter(pk=item.pk).update(file_size=None, file_hash="")
    item.refresh_from_db()
    with django_capture_on_commit_callbacks() as callbacks:
        assert item.get_file_size() and item.get_file_hash()
    item.refresh_from_db()
    assert item.file_size and item.file_hash
    assert callbacks == []


# What the stale-data review found, end to end -------------------------------------------------------


def test_a_replaced_document_never_leaves_a_dead_link_in_a_cached_lesson(
    client, django_capture_on_commit_callbacks
):
    document = get_document_model().objects.create(
        title="Handout", file=ContentFile(b"%PDF-1.4", name="old.pdf")
    )
    block = {
        "type": "document",
        "id": str(uuid.uuid4()),
        "value": {"document": document.pk, "description": ""},
    }
    course = make_course(lessons=0, bodies=[[block]])
    lesson = course.get_children().first().specific
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    old_url = document.url
    assert old_url in client.get(lesson.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        document.file = ContentFile(b"%PDF-1.5", name="new.pdf")
        document.save()

    html = client.get(lesson.url).content.decode()
    assert document.url in html and old_url not in html


def test_a_cohort_that_ended_yesterday_is_gone_from_the_cached_catalogue_today(client, monkeypatch):

    today = timezone.localdate()
    CohortFactory(
        course=make_course(title="Voting rights", lessons=0),
        title="Spring group",
        starts_on=today - timedelta(days=30),
        ends_on=today,
    )
    assert "Spring group" in client.get(catalogue().url).content.decode()

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))

    assert "Spring group" not in client.get(catalogue().url).content.decode()


def test_free_text_searches_never_reach_the_cache(client, monkeypatch):

    make_course(title="Voting rights", lessons=0)
    shelf = library()
    written = []
    original = cache.set
    monkeypatch.setattr(cache, "set", lambda key, *a, **k: written.append(key) or original(key, *a, **k))
    client.get(catalogue().url)
    client.get(shelf.url)
    before = len(written)

    for number in range(5):
        client.get(catalogue().url, {"q": f"anything anyone types {number}"})
        client.get(shelf.url, {"q": f"anything anyone types {number}"})

    assert written[before:] == []


def test_a_download_retires_no_cached_library_page(client, django_capture_on_commit_callbacks):

    shelf = f.library()
    doc = f.document()
    toolkit = f.toolkit(shelf, documents=[(doc, "en")])
    client.get(shelf.url)
    before = site_cache.tag_versions(site_cache.GLOBAL_TAGS)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert client.get(f"{doc.url}?toolkit={toolkit.pk}").status_code == 200
    assert toolkit.downloads.count() == 1
    assert site_cache.tag_versions(site_cache.GLOBAL_TAGS) == before
    assert callbacks == []


def test_keys_carry_the_code_version():
    request = RequestFactory().get("/en/")
    assert site_cache.site_key(request, "anything").startswith(f"{site_cache.CODE_VERSION}:")
    assert len(site_cache.CODE_VERSION) == 12


def test_a_deploy_can_name_its_own_code_version(settings):
    settings.CACHE_CODE_VERSION = "release-42"
    assert site_cache._code_version() == "release-42"


def test_a_trainees_activity_retires_no_cached_catalogue(django_capture_on_commit_callbacks):
    from learning import services

    enrolment = EnrolmentFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        services.lesson_complete(enrolment=enrolment, lesson=lessons_of(enrolment.cohort.course)[0])
    assert callbacks == []
