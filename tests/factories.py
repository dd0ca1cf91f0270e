import json
import uuid
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.consent import current_versions
from accounts.models import LegalVersion, User
from accounts.services import legal_accept
from home.models import HomePage, StandardPage
from learning.models import Cohort, CourseIndexPage, CoursePage, Enrolment, LessonPage, LiveSession
from learning.quiz_format import body_with_item_ids, quiz_with_item_ids

PASSWORD = "a-long-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Users can log in unless told otherwise: allauth requires a verified address."""
        if create:
            obj.save()
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=extracted is not False, primary=True
            )

    @factory.post_generation
    def accepted_legal(obj, create, extracted, **kwargs):
        """People have accepted the current privacy notice and terms, if any, unless told otherwise."""
        if create and extracted is not False and (versions := current_versions()):
            legal_accept(user=obj, versions=versions, language=obj.language)


def legal_version(document="privacy", version="1.0", *, date=None, changes="What changed.", live=True):
    """A version of the privacy notice or the terms, published (unless `live` is False) in English, on a
    page of its own under the English home page."""
    home = HomePage.objects.get(locale__language_code="en")
    slug = f"{document}-{uuid.uuid4().hex[:8]}"
    page = home.add_child(instance=StandardPage(title=f"{document.title()} {version}", slug=slug))
    item = LegalVersion.objects.create(
        document=document,
        version=version,
        date=date or timezone.localdate(),
        changes=changes,
        page=page,
        locale=home.locale,
        live=False,
    )
    if live:
        item.save_revision().publish()
        item.refresh_from_db()  # publishing saved another instance, made from the revision
    return item


# Learning ---------------------------------------------------------------------------------------


def catalogue() -> CourseIndexPage:
    index = CourseIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get(locale__language_code="en")
        index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    return index


def quiz_block(*, block_id=None, pass_mark=50, max_attempts=3, questions=None) -> dict:
    """A quiz block as the admin and the demo store it (learning/quiz_format.py): questions written
    here as plain lists are given their item ids, or wagtail-localize would see nothing to translate."""
    questions = questions or [
        {
            "text": "Who can register to vote in municipal elections in Belgium?",
            "multiple": False,
            "answers": [
                {
                    "text": "Only Belgian citizens",
                    "correct": False,
                    "feedback": "Residents can too.",
                },
                {
                    "text": "Residents after five years",
                    "correct": True,
                    "feedback": "Right.",
                },
            ],
        },
        {
            "text": "Which help people register?",
            "multiple": True,
            "answers": [
                {"text": "Translated forms", "correct": True, "feedback": ""},
                {"text": "Door-to-door outreach", "correct": True, "feedback": ""},
                {"text": "Fees", "correct": False, "feedback": "Fees keep people away."},
            ],
        },
    ]
    block_id = block_id or str(uuid.uuid4())
    value = {
        "heading": "Check what you know",
        "pass_mark": pass_mark,
        "max_attempts": max_attempts,
        "questions": questions,
    }
    return {"type": "quiz", "id": block_id, "value": quiz_with_item_ids(value, block_id)}


def reflection_block(*, block_id=None, min_words=3) -> dict:
    return {
        "type": "reflection",
        "id": block_id or str(uuid.uuid4()),
        "value": {"prompt": "What would you change in your city?", "guidance": "", "min_words": min_words},
    }


def text_block(text="<p>Lesson text.</p>") -> dict:
    return {"type": "text", "id": str(uuid.uuid4()), "value": text}


def make_course(
    *, title="Democracy summit training", lessons=3, parent=None, bodies=None, **fields
) -> CoursePage:
    """A live course with `lessons` live lessons (plain text unless `bodies` gives their blocks)."""
    parent = parent or catalogue()
    slug = fields.pop("slug", None) or f"course-{uuid.uuid4().hex[:8]}"
    fields.setdefault("summary", "A course for migrant and refugee leaders.")
    fields.setdefault("hours", 6)
    course = parent.add_child(instance=CoursePage(title=title, slug=slug, **fields))
    bodies = bodies or [[text_block()] for _ in range(lessons)]
    for number, body in enumerate(bodies, start=1):
        course.refresh_from_db()
        course.add_child(
            # Through the demo's helper too: a body a test builds by hand is stored as the admin would.
            instance=LessonPage(
                title=f"Lesson {number}", slug=f"lesson-{number}", body=json.dumps(body_with_item_ids(body))
            )
        )
    course.refresh_from_db()
    return course


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    course = factory.LazyFunction(lambda: make_course(lessons=2))
    title = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    capacity = 20
    enrolment_mode = Cohort.Mode.OPEN


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
    cohort = factory.SubFactory(CohortFactory)
    status = Enrolment.Status.ACTIVE


class LiveSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveSession

    cohort = factory.SubFactory(CohortFactory)
    title = "Live session"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=2))
