"""Installable and offline, on the server's side: the manifest, the service worker, what "Keep for offline"
lists (for the trainee's own course only), sign-out clearing the browser, and submissions queued on a phone
that count once however often they are sent (the browser's side: tests/browser/test_offline.py)."""

import json
import re
import uuid

import pytest
from django.contrib.staticfiles import finders
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from core.offline import offline_key
from learning.models import LessonProgress, QuizAttempt
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    lessons_of,
    make_course,
    quiz_block,
    text_block,
)

pytestmark = pytest.mark.django_db

RIGHT = {"q0": "1", "q1": ["0", "1"]}
WRONG = {"q0": "0", "q1": "2"}


@pytest.fixture
def course():
    from django.core.files.base import ContentFile

    image = Image.objects.create(title="Town hall", file=get_test_image_file())
    document = Document.objects.create(
        title="Voter guide", file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf")
    )
    return make_course(
        bodies=[
            [
                text_block(),
                {
                    "type": "image",
                    "id": str(uuid.uuid4()),
                    "value": {"image": image.pk, "alt_text": "", "decorative": True},
                },
            ],
            [quiz_block(block_id="quiz")],
            [
                {
                    "type": "document",
                    "id": str(uuid.uuid4()),
                    "value": {"document": document.pk, "description": ""},
                }
            ],
        ]
    )


@pytest.fixture
def enrolment(client, course):
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.user)
    return enrolment


def test_manifest_is_in_the_readers_language_with_icons_that_exist(client):
    for language, direction in (("fr", "ltr"), ("ar", "rtl")):
        response = client.get(f"/{language}/manifest.webmanifest")

        assert response.status_code == 200
        assert response["Content-Type"] == "application/manifest+json"
        manifest = json.loads(response.content)
        assert (manifest["lang"], manifest["dir"], manifest["start_url"]) == (
            language,
            direction,
            f"/{language}/",
        )
        assert manifest["display"] == "standalone" and manifest["theme_color"] == "#0b5563"
        sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
        assert {
            ("192x192", "any"),
            ("512x512", "any"),
            ("192x192", "maskable"),
            ("512x512", "maskable"),
        } <= sizes
        for icon in manifest["icons"]:
            assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_every_page_links_the_manifest(client):
    page = client.get("/fr/").content.decode()

    assert 'rel="manifest" href="/fr/manifest.webmanifest"' in page
    assert "js/offline.js" in page


def test_service_worker_is_served_from_the_root_under_the_sites_policy(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    from core.offline import static_version

    assert f'"version": "{static_version()}"' in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_service_worker_changes_when_the_static_files_change(monkeypatch):
    from core import offline

    before = offline._static_version()
    monkeypatch.setattr(
        offline.staticfiles_storage, "manifest_name", "offline-test-manifest.json", raising=False
    )
    monkeypatch.setattr(offline.staticfiles_storage, "exists", lambda name: True)
    monkeypatch.setattr(
        offline.staticfiles_storage, "open", lambda name: __import__("io").BytesIO(b'{"paths": {}}')
    )

    after = offline._static_version()

    assert before != after


def test_keep_for_offline_lists_the_lessons_images_and_documents(client, enrolment, course):
    response = client.get(f"/fr/learning/courses/{course.pk}/offline/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    data = response.json()
    lessons = lessons_of(course)
    assert data["pages"] == [course.get_url(), *(lesson.get_url() for lesson in lessons)]
    assert any(url.startswith("/media/images/") for url in data["files"])
    assert any(url.startswith("/documents/") for url in data["files"])
    assert "3" in data["message"]
    assert len(data["key"]) == 24  # opaque: an HMAC, not the person's id


def test_keep_for_offline_is_only_for_the_trainees_own_course(client, course):
    assert client.get(f"/en/learning/courses/{course.pk}/offline/").status_code == 302  # to the login
    client.force_login(UserFactory())  # enrolled in nothing
    assert client.get(f"/en/learning/courses/{course.pk}/offline/").status_code == 404
    other = EnrolmentFactory()  # enrolled in another course
    client.force_login(other.user)
    assert client.get(f"/en/learning/courses/{course.pk}/offline/").status_code == 404


def test_offline_keys_differ_between_people(client, enrolment, course):
    mine = client.get(f"/en/learning/courses/{course.pk}/offline/").json()["key"]
    other = EnrolmentFactory(cohort=enrolment.cohort)
    client.force_login(other.user)

    assert client.get(f"/en/learning/courses/{course.pk}/offline/").json()["key"] != mine
    assert f'<meta name="offline-user" content="{mine}">' not in client.get(course.get_url()).content.decode()


def test_signing_out_tells_the_browser_to_clear_what_it_kept(client, enrolment):
    assert "Clear-Site-Data" not in client.get("/en/").headers

    response = client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_a_queued_quiz_sent_twice_counts_once_and_shows_its_result(client, enrolment, course):
    lesson = lessons_of(course)[1]
    submission = str(uuid.uuid4())
    url = f"/en/learning/lessons/{lesson.pk}/quiz/quiz/"

    first = client.post(url, {"attempt": "1", "submission_id": submission, **WRONG})
    again = client.post(url, {"attempt": "1", "submission_id": submission, **WRONG}, follow=True)

    assert first.status_code == 302
    assert again.status_code == 200
    assert "already submitted" not in again.content.decode()
    assert "Not passed yet" in again.content.decode()
    assert list(QuizAttempt.objects.values_list("number", "passed", "submission_id")) == [
        (1, False, uuid.UUID(submission))
    ]


def test_another_submission_with_a_used_number_is_still_refused(client, enrolment, course):
    lesson = lessons_of(course)[1]
    url = f"/en/learning/lessons/{lesson.pk}/quiz/quiz/"
    client.post(url, {"attempt": "1", "submission_id": str(uuid.uuid4()), **WRONG})

    replay = client.post(url, {"attempt": "1", "submission_id": str(uuid.uuid4()), **RIGHT})

    assert replay.status_code == 409
    assert QuizAttempt.objects.count() == 1


def test_a_submission_id_of_another_enrolment_is_not_theirs(client, enrolment, course):
    lesson = lessons_of(course)[1]
    url = f"/en/learning/lessons/{lesson.pk}/quiz/quiz/"
    submission = str(uuid.uuid4())
    client.post(url, {"attempt": "1", "submission_id": submission, **RIGHT})
    other = EnrolmentFactory(cohort=enrolment.cohort)
    client.force_login(other.user)

    response = client.post(url, {"attempt": "1", "submission_id": submission, **WRONG})

    assert response.status_code == 302
    assert sorted(QuizAttempt.objects.values_list("enrolment_id", "passed")) == sorted(
        [(enrolment.pk, True), (other.pk, False)]
    )


def test_a_malformed_submission_id_is_refused_not_a_500(client, enrolment, course):
    lesson = lessons_of(course)[1]

    response = client.post(
        f"/en/learning/lessons/{lesson.pk}/quiz/quiz/", {"attempt": "1", "submission_id": "x", **RIGHT}
    )

    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 0


def test_a_queued_completion_sent_twice_counts_once(client, enrolment, course):
    lesson = lessons_of(course)[0]
    url = f"/en/learning/lessons/{lesson.pk}/complete/"
    submission = str(uuid.uuid4())

    assert client.post(url, {"submission_id": submission}).status_code == 302
    assert client.post(url, {"submission_id": submission}).status_code == 302

    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1


def test_keep_for_offline_waits_hidden_for_a_service_worker_and_only_for_the_enrolled(
    client, enrolment, course
):
    page = client.get(course.get_url()).content.decode()

    # Without JavaScript nothing offers what only a service worker can do (js/offline.js shows it).
    assert f'data-offline-keep="/en/learning/courses/{course.pk}/offline/" hidden' in page
    client.force_login(UserFactory())
    assert "data-offline-keep" not in client.get(course.get_url()).content.decode()


def test_what_someone_else_queued_on_this_phone_is_refused_in_my_session(client, enrolment, course):
    """A page of hers left open on a shared phone sends what she queued offline after he signed in: it
    names her offline key, and it must not count as his."""
    her = EnrolmentFactory(cohort=enrolment.cohort)
    plain, quiz = lessons_of(course)[0], lessons_of(course)[1]
    saved_by_her = {"offline_user": offline_key(her.user), "submission_id": str(uuid.uuid4())}

    completed = client.post(f"/en/learning/lessons/{plain.pk}/complete/", saved_by_her)
    answered = client.post(
        f"/en/learning/lessons/{quiz.pk}/quiz/quiz/", {"attempt": "1", **RIGHT, **saved_by_her}
    )

    assert completed.status_code == answered.status_code == 409
    assert "someone else" in completed.content.decode()
    assert not LessonProgress.objects.exists() and not QuizAttempt.objects.exists()
    mine = {"offline_user": offline_key(enrolment.user), "submission_id": str(uuid.uuid4())}
    assert client.post(f"/en/learning/lessons/{plain.pk}/complete/", mine).status_code == 302
    assert LessonProgress.objects.get().enrolment == enrolment


def test_the_kept_copy_of_a_lesson_needs_no_network_and_its_images_are_listed(client, enrolment, course):
    """js/offline.js keeps the pages as they are in low-data mode (Save-Data: on): offline, a video player
    cannot play, and its frame took the focus from the lesson (the completion clicked then was lost)."""
    video_url = "https://www.youtube.com/watch?v=Qm4vE8kR2tA"
    Embed.objects.create(
        hash=get_embed_hash(video_url),
        url=video_url,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/Qm4vE8kR2tA" title="Voting"></iframe>',
        title="Voting",
    )
    lesson = lessons_of(course)[0]
    lesson.body.append(("video", {"video": video_url, "title": "Voting", "transcript": "First, the mayor"}))
    lesson.save_revision().publish()
    listed = client.get(f"/en/learning/courses/{course.pk}/offline/").json()["files"]

    kept = client.get(lesson.get_url(), HTTP_SAVE_DATA="on").content.decode()

    assert "<iframe" not in kept and f'href="{video_url}"' in kept
    images = re.findall(r'<img [^>]*src="(/media/images/[^"]+)"', kept)
    assert images and set(images) <= set(listed)  # the rendition the kept page shows, not the original
    assert not any("original" in url for url in listed)
