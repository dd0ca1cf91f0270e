"""A trainer sees and acts only on their own cohorts: every other cohort's URL answers 404 and changes
nothing; trainees and city officials get 404, anonymous visitors the login page."""

import pytest

from learning.certificates.models import Certificate
from learning.certificates.services import certificate_issue
from learning.models import Enrolment, LiveSession, Reflection
from learning.workspace.models import CohortMessage
from tests.factories import LiveSessionFactory, lessons_of

from .conftest import Status, cohort_of, enrol, url

pytestmark = pytest.mark.django_db

# (url name, method, POST data builder) for every trainer URL inside a cohort.
COHORT_URLS = [
    ("cohort", "get", None),
    ("cohort_edit", "get", None),
    (
        "cohort_edit",
        "post",
        lambda objs: {"title": "Taken over", "capacity": 50, "enrolment_mode": "open", "language": "en"},
    ),
    ("matrix", "get", None),
    ("invite", "get", None),
    ("invite", "post", lambda objs: {"addresses": "new.person@example.org"}),
    ("session_create", "get", None),
    (
        "session_create",
        "post",
        lambda objs: {
            "title": "Sneaky session",
            "starts_at": "2027-01-01T10:00",
            "ends_at": "2027-01-01T11:00",
            "time_zone": "Europe/Brussels",
        },
    ),
    ("message_create", "get", None),
    ("message_create", "post", lambda objs: {"audience": "all", "subject": "Hi", "body": "Hello"}),
    ("export_csv", "get", None),
    ("export_xlsx", "get", None),
    ("enrolment_action", "post", lambda objs: {"action": "approve", "enrolments": [objs["pending"].pk]}),
    ("enrolment_action", "post", lambda objs: {"act": f"withdraw:{objs['active'].pk}"}),
    ("enrolment_action", "post", lambda objs: {"act": f"certificate_issue:{objs['completed'].pk}"}),
    ("certificates_issue", "post", lambda objs: {}),
]
NESTED_URLS = [
    ("trainee", "get", "active", None),
    ("attendance", "get", "session", None),
    ("attendance", "post", "session", lambda objs: {"present": [objs["active"].pk]}),
    ("reflection_review", "post", "reflection", lambda objs: {"decision": "accept", "feedback": "Fine"}),
    ("certificate_revoke", "post", "certificate", lambda objs: {"reason": "error"}),
    ("certificate_reissue", "post", "certificate", lambda objs: {}),
]


@pytest.fixture
def victim(other_trainer):
    """Trainer B's cohort with a pending request, an active trainee, a session and a reflection."""
    cohort = cohort_of(other_trainer, capacity=5, title="B's cohort")
    active = enrol(cohort, Status.ACTIVE)
    lesson = lessons_of(cohort.course)[0]
    reflection = Reflection.objects.create(
        enrolment=active,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        prompt_id="p",
        text="My reflection",
        submitted_at="2026-01-01T10:00Z",
    )
    certified = enrol(cohort, Status.COMPLETED)
    return {
        "cohort": cohort,
        "completed": enrol(cohort, Status.COMPLETED),
        "certificate": certificate_issue(enrolment=certified),
        "pending": enrol(cohort, Status.PENDING),
        "active": active,
        "session": LiveSessionFactory(cohort=cohort),
        "reflection": reflection,
    }


def snapshot(objs):
    cohort = objs["cohort"]
    cohort.refresh_from_db()
    return (
        (cohort.title, cohort.capacity, list(cohort.trainers.values_list("pk", flat=True))),
        sorted(Enrolment.objects.filter(cohort=cohort).values_list("pk", "status")),
        LiveSession.objects.filter(cohort=cohort).count(),
        CohortMessage.objects.filter(cohort=cohort).count(),
        cohort.invitations.count(),
        list(Reflection.objects.filter(enrolment__cohort=cohort).values_list("status", "feedback")),
        list(objs["session"].attendance.values_list("enrolment_id", "present")),
        sorted(Certificate.objects.filter(enrolment__cohort=cohort).values_list("pk", "status")),
    )


def requests_for(objs):
    cohort = objs["cohort"]
    for name, method, data in COHORT_URLS:
        yield name, method, url(name, cohort.pk), data(objs) if data else None
    for name, method, key, data in NESTED_URLS:
        yield name, method, url(name, cohort.pk, objs[key].pk), data(objs) if data else None


ALL_NAMES = sorted({n for n, *_ in COHORT_URLS} | {n for n, *_ in NESTED_URLS})


@pytest.fixture
def viewer(request, trainer, city_official):

    kind = request.param
    if kind == "trainer A":
        cohort_of(trainer, title="A's own cohort")
        return trainer
    if kind == "trainee of the cohort":
        return "trainee"
    if kind == "city official":
        return city_official
    return None


@pytest.mark.parametrize(
    "viewer", ["trainer A", "trainee of the cohort", "city official", "anonymous"], indirect=True
)
@pytest.mark.parametrize("index", range(len(COHORT_URLS) + len(NESTED_URLS)))
def test_nobody_but_the_cohorts_trainers_reaches_its_urls(client, viewer, victim, index):
    name, method, address, data = list(requests_for(victim))[index]
    if viewer == "trainee":
        viewer = victim["active"].user
    if viewer is not None:
        client.force_login(viewer)
    before = snapshot(victim)

    response = getattr(client, method)(address, data or {})

    if viewer is None:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    else:
        assert response.status_code == 404, name
    assert snapshot(victim) == before


@pytest.mark.parametrize("name", ["cohorts", "cohort_create"])
@pytest.mark.parametrize("kind", ["trainee", "city official", "anonymous"])
def test_workspace_home_is_for_trainers_only(client, victim, city_official, name, kind):
    if kind == "trainee":
        client.force_login(victim["active"].user)
    elif kind == "city official":
        client.force_login(city_official)
    response = client.get(url(name))
    if kind == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404


def test_a_post_naming_another_cohorts_enrolment_changes_nothing(client, trainer, cohort, victim):
    mine = enrol(cohort, Status.PENDING)
    client.force_login(trainer)

    response = client.post(
        url("enrolment_action", cohort.pk),
        {"action": "approve", "enrolments": [mine.pk, victim["pending"].pk]},
    )

    assert response.status_code == 404
    mine.refresh_from_db()
    victim["pending"].refresh_from_db()
    assert mine.status == Status.PENDING and victim["pending"].status == Status.PENDING


def test_nested_ids_of_another_cohort_are_404_from_my_own_cohort(client, trainer, cohort, victim):
    client.force_login(trainer)
    assert client.get(url("trainee", cohort.pk, victim["active"].pk)).status_code == 404
    assert client.get(url("attendance", cohort.pk, victim["session"].pk)).status_code == 404
    before = snapshot(victim)
    response = client.post(
        url("reflection_review", cohort.pk, victim["reflection"].pk), {"decision": "accept", "feedback": "x"}
    )
    assert response.status_code == 404 and snapshot(victim) == before


def test_the_trainers_own_cohort_answers(client, victim, other_trainer):
    """The same URLs work for the cohort's own trainer (so the 404s above are about scope)."""
    client.force_login(other_trainer)
    for name, method, address, _data in requests_for(victim):
        if method == "get":
            assert client.get(address).status_code == 200, name


def test_every_workspace_url_is_covered():
    from learning.workspace import urls

    names = {pattern.name for pattern in urls.urlpatterns}
    assert names - set(ALL_NAMES) == {"cohorts", "cohort_create", "invitation", "waiting"}
