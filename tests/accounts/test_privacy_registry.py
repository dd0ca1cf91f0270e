"""Every model that points at a person says what happens to it, and erasure leaves nothing of the
person behind except what the deletion page says stays (the erasure canary)."""

import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import CharField, JSONField, Q, TextField
from django.db.models.functions import Cast

from accounts import services as account_services
from accounts.data_export import data_export_request
from accounts.models import DataExport
from core.discovery import project_modules
from core.private_storage import private_storage
from learning import services as learning_services
from learning.certificates import services as certificates
from learning.workspace.models import CohortInvitation
from tests.certificates.helpers import completed_enrolment
from tests.factories import CohortFactory, EnrolmentFactory, lessons_of, make_course, reflection_block
from tests.toolkits import factories as f
from toolkits import services as toolkit_services
from toolkits.models import DownloadConsent, DownloadEvent, Membership

pytestmark = pytest.mark.django_db

CANARY = "Zq7canaryXv"
# What the deletion page says stays: the city's plan text, with the city team; what the person wrote in
# discussions, signed "a former member" (tests/community/test_privacy.py checks the signature goes).
STAYS = {"toolkits.PlanSection", "toolkits.PlanRevision", "community.Thread", "community.Post"}


def declared() -> dict:
    registry = {}
    for module in project_modules("privacy"):
        registry.update(module.PERSONAL_DATA)
    return registry


def linked_to_people() -> set[str]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    linked = {user_model._meta.label}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            direct = field.concrete or field.many_to_many
            if field.is_relation and direct and not field.auto_created and field.related_model is user_model:
                linked.add(model._meta.label)
    return linked


def test_every_model_linked_to_a_person_declares_what_happens_to_it():
    registry = declared()
    assert sorted(linked_to_people() - set(registry)) == []
    assert sorted(set(registry) - {m._meta.label for m in apps.get_models()}) == []  # nothing stale


def canary_hits() -> dict[str, int]:
    hits = {}
    for model in apps.get_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, CharField | TextField | JSONField) and not f.is_relation
        ]
        if not fields or model._meta.label in STAYS:
            continue
        annotations = {f"_{name}": Cast(name, TextField()) for name in fields}
        match = Q()
        for name in fields:
            match |= Q(**{f"_{name}__icontains": CANARY})
        count = model._default_manager.annotate(**annotations).filter(match).count()
        if count:
            hits[model._meta.label] = count
    return hits


def test_erasure_leaves_no_trace_of_the_person(django_capture_on_commit_callbacks):
    personal = {
        "display_name": CANARY,
        "city": CANARY,
        "organisation": CANARY,
        "email": f"{CANARY}@example.org",
    }
    # A trainee with a certificate, a reflection, and an invitation to another cohort.
    enrolment = completed_enrolment(name=f"{CANARY} Diallo", **personal)
    user = enrolment.user
    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_issue(enrolment=enrolment)
    course = make_course(bodies=[[reflection_block(block_id="ref")]])
    other = EnrolmentFactory(user=user, cohort=CohortFactory(course=course))
    learning_services.reflection_submit(
        enrolment=other, lesson=lessons_of(course)[0], prompt_id="ref", text=f"My {CANARY} story here"
    )
    CohortInvitation.objects.create(cohort=CohortFactory(), email=user.email, name=CANARY)
    # A city official: a comment on a peer's plan, a plan section, a download counted under the city.
    city = f.OrganisationFactory(name="City of Gdansk")
    plan = f.plan(f.template(f.library()), city, f.member(city))
    Membership.objects.create(organisation=city, user=user)
    section = plan.sections.first()
    section.plan = plan
    toolkit_services.comment_add(section=section, user=user, body=f"A {CANARY} remark")
    DownloadConsent.objects.create(user=user)
    DownloadEvent.objects.create(document_title="Guide", city=CANARY, organisation=CANARY, counted_for=user)
    # A "download my data" archive, which holds all of the above.
    with django_capture_on_commit_callbacks(execute=True):
        export, _queued = data_export_request(user=user)
    archive = DataExport.objects.get(pk=export.pk).file.name
    with private_storage().open(archive, "rb") as file, zipfile.ZipFile(file) as zipped:
        assert CANARY.encode() in zipped.read("accounts.json")
    assert len(canary_hits()) >= 5  # the canary is found where it was planted

    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=user)

    assert canary_hits() == {}
    assert not private_storage().exists(archive)
    assert not DataExport.objects.exists()
