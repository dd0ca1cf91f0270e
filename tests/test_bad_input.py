"""Bad input found by the fuzzing of issue 12 answers a clear 4xx in the visitor's language, never a
server error, and what enters as text is refused when it carries control characters."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from learning.models import Enrolment
from learning.workspace.models import CohortInvitation
from tests.factories import LiveSessionFactory, UserFactory
from tests.toolkits import factories as toolkit_factories
from tests.workspace.conftest import cohort_of, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_cohort(client):
    trainer = make_trainer()
    cohort = cohort_of(trainer, capacity=5, title="Brussels spring cohort")
    enrolment = Enrolment.objects.create(user=UserFactory(), cohort=cohort, status=Enrolment.Status.ACTIVE)
    client.force_login(trainer)
    return cohort, enrolment


@pytest.fixture
def plan_section(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    index = toolkit_factories.library()
    gdansk = toolkit_factories.OrganisationFactory(name="City of Gdansk")
    marta = toolkit_factories.member(gdansk, display_name="Marta")
    plan = toolkit_factories.plan(toolkit_factories.template(index), gdansk, marta)
    section = next(
        s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == "free_text"
    )
    client.force_login(marta)
    return plan, reverse("toolkits:section", kwargs={"public_id": plan.public_id, "key": section.key})


def workspace(name, cohort, *args):
    return reverse(f"learning:workspace:{name}", args=[cohort.pk, *args])


def nul_in_verify(client, fixture):
    return client.get("/en/verify/%00/")


def nul_in_search(client, fixture):
    return client.get("/en/search/?q=%00")


def next_that_is_not_a_path(client, fixture):
    cohort, enrolment = fixture("trainer_cohort")
    return client.post(
        workspace("enrolment_action", cohort),
        {"action": "approve", "enrolments": [enrolment.pk], "next": "abc"},
    )


def present_that_is_not_a_number(client, fixture):
    cohort, _enrolment = fixture("trainer_cohort")
    session = LiveSessionFactory(cohort=cohort)
    return client.post(workspace("attendance", cohort, session.pk), {"present": ["abc", "1e9", "٣"]})


def version_above_32_bits(client, fixture):
    _plan, url = fixture("plan_section")
    return client.post(url, {"version": 2**31, "text": "Our analysis."})


def nul_in_an_invitation_csv_name(client, fixture):
    cohort, _enrolment = fixture("trainer_cohort")
    upload = SimpleUploadedFile("people.csv", b"Fa\x00tima,fatima@example.org,fr\n", "text/csv")
    return client.post(workspace("invite", cohort), {"csv_file": upload})


def nul_in_an_invitation_url(client, fixture):
    fixture("trainer_cohort")
    return client.get("/en/learning/trainer/invitations/ab%00cd/")


def nul_in_a_section_url(client, fixture):
    _plan, url = fixture("plan_section")
    return client.post(url.rstrip("/") + "%00/", {"version": 0, "text": "x"})


def vertical_tab_in_a_plan_section(client, fixture):
    _plan, url = fixture("plan_section")
    return client.post(url, {"version": 0, "text": "Budget\x0bline"})


def vertical_tab_in_a_cohort_title(client, fixture):
    cohort, _enrolment = fixture("trainer_cohort")
    return client.post(
        workspace("cohort_edit", cohort),
        {"title": "Spring\x0bcohort", "enrolment_mode": cohort.enrolment_mode, "language": "en"},
    )


def nul_in_a_message(client, fixture):
    cohort, _enrolment = fixture("trainer_cohort")
    return client.post(
        workspace("message_create", cohort), {"audience": "all", "subject": "Ne\x00ws", "body": "Hello"}
    )


CASES = [
    (nul_in_verify, 400),
    (nul_in_search, 400),
    (next_that_is_not_a_path, 302),  # the action is done and the trainer lands on the cohort page
    (present_that_is_not_a_number, 422),
    (version_above_32_bits, 422),
    (nul_in_an_invitation_csv_name, 200),  # the report: the name is kept without the NUL
    (nul_in_an_invitation_url, 400),
    (nul_in_a_section_url, 400),
    (vertical_tab_in_a_plan_section, 422),
    (vertical_tab_in_a_cohort_title, 422),
    (nul_in_a_message, 422),
]


@pytest.mark.parametrize(("send", "status"), CASES, ids=[case.__name__ for case, _status in CASES])
def test_bad_input_answers_a_clear_4xx_never_a_server_error(client, request, send, status):
    response = send(client, request.getfixturevalue)

    assert response.status_code == status
    if status >= 400:
        page = response.content.decode()
        assert '<html lang="en"' in page
        assert "invalid-feedback" in page or "cannot be read" in page or "alert" in page


def test_the_bad_address_page_is_in_the_visitors_language(client):
    response = client.get("/fr/verify/%00/")

    assert response.status_code == 400
    assert '<html lang="fr"' in response.content.decode()


def test_the_next_that_is_not_a_path_goes_back_to_the_cohort(client, trainer_cohort):
    cohort, enrolment = trainer_cohort
    response = client.post(
        workspace("enrolment_action", cohort),
        {"action": "withdraw", "enrolments": [enrolment.pk], "next": "abc"},
    )

    assert response.url == workspace("cohort", cohort)


def test_a_control_character_in_a_csv_name_is_dropped(client, trainer_cohort):
    nul_in_an_invitation_csv_name(client, lambda _name: trainer_cohort)

    assert CohortInvitation.objects.get(email="fatima@example.org").name == "Fatima"


def test_a_refused_cohort_title_leaves_the_cohort_and_its_exports_intact(client, trainer_cohort):
    cohort, _enrolment = trainer_cohort
    vertical_tab_in_a_cohort_title(client, lambda _name: trainer_cohort)

    cohort.refresh_from_db()
    assert cohort.title == "Brussels spring cohort"
    assert client.get(workspace("export_xlsx", cohort)).status_code == 200


def test_the_admin_refuses_a_control_character_in_a_cohort_title(client, trainer_cohort):
    cohort, _enrolment = trainer_cohort
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        f"/admin/learning/cohorts/edit/{cohort.pk}/",
        {
            "course": cohort.course_id,
            "title": "Spring\x0bcohort",
            "enrolment_mode": cohort.enrolment_mode,
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "control characters" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.title == "Brussels spring cohort"


def test_a_refused_plan_text_keeps_the_docx_export_working(client, plan_section):
    plan, _url = plan_section
    vertical_tab_in_a_plan_section(client, lambda _name: plan_section)

    export = client.get(reverse("toolkits:plan_export", kwargs={"public_id": plan.public_id, "fmt": "docx"}))
    assert export.status_code == 200


@pytest.mark.parametrize(
    ("url", "field"), [("/admin/images/add/", "file"), ("/admin/images/multiple/add/", "files[]")]
)
def test_a_junk_gif_upload_is_refused_with_a_message(client, url, field, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    junk = SimpleUploadedFile("photo.gif", b"GIF89a" + b"\x00\xff junk" * 50, content_type="image/gif")

    response = client.post(url, {"title": "Junk", field: junk, "collection": 1})

    assert response.status_code == 200  # the form again (or the uploader's JSON) with the message
    assert "Upload a valid image" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_real_image_still_uploads(client, settings, tmp_path):
    import io

    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "GIF")
    upload = SimpleUploadedFile("red.gif", buffer.getvalue(), content_type="image/gif")

    response = client.post("/admin/images/add/", {"title": "Red", "file": upload, "collection": 1})

    assert response.status_code == 302
    assert get_image_model().objects.get().title == "Red"
