import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import Enrolment, Topic
from network import services
from network.models import DirectoryProfile
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course
from tests.network.helpers import listed_person

pytestmark = pytest.mark.django_db


def test_the_directory_is_for_signed_in_people_only(client):
    response = client.get(reverse("network:directory"))

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_nobody_is_listed_until_they_opt_in(client):
    shy = UserFactory(display_name="Shy Samira", city="Ghent")
    services.profile_get_or_create(user=shy)  # opened the settings page, did not opt in
    listed = listed_person(display_name="Open Omar")
    client.force_login(UserFactory())

    html = client.get(reverse("network:directory")).content.decode()

    assert "Open Omar" in html and "Shy Samira" not in html
    assert not DirectoryProfile.objects.get(user=shy).listed
    profile = DirectoryProfile.objects.get(user=shy)
    assert client.get(profile.get_absolute_url()).status_code == 404
    assert client.get(listed.directory_profile.get_absolute_url()).status_code == 200


def test_a_hidden_field_is_never_in_the_html(client):
    person = listed_person(
        display_name="Amina Diallo",
        email="amina.secret@example.org",
        city="Brussels",
        organisation="Hidden Org",
        show=("city",),
        languages=["fr", "wo"],
        bio="My hidden introduction",
    )
    client.force_login(UserFactory())

    for url in (reverse("network:directory"), person.directory_profile.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Amina Diallo" in html and "Brussels" in html
        assert "Hidden Org" not in html and "My hidden introduction" not in html and "Speaks" not in html
        assert "amina.secret" not in html


def test_a_person_may_hide_even_their_name(client):
    listed_person(display_name="Nameless Nadia", city="Porto", show=("city",))
    DirectoryProfile.objects.update(show_name=False)
    client.force_login(UserFactory())

    html = client.get(reverse("network:directory")).content.decode()

    assert "Nameless Nadia" not in html and "A member of the network" in html and "Porto" in html


def test_filters_find_people_only_by_the_fields_they_show(client):
    topic = Topic.objects.create(name="Housing rights")
    course = make_course(title="Democracy summit training")
    shown = listed_person(
        display_name="Shown Sara",
        city="Lisbon",
        languages=["pt"],
        topics=[topic.pk],
        show=("city", "languages", "topics", "courses"),
    )
    hidden = listed_person(display_name="Hidden Hugo", city="Lisbon", languages=["pt"], topics=[topic.pk])
    cohort = CohortFactory(course=course)
    for person in (shown, hidden):
        EnrolmentFactory(user=person, cohort=cohort, status=Enrolment.Status.COMPLETED)
    client.force_login(UserFactory())

    for query in (
        {"city": "lisbon"},
        {"language": "pt"},
        {"topic": topic.pk},
        {"course": str(course.translation_key)},
    ):
        html = client.get(reverse("network:directory"), query).content.decode()
        assert "Shown Sara" in html and "Hidden Hugo" not in html, query
    html = client.get(reverse("network:directory"), {"city": "Dresden"}).content.decode()
    assert "Shown Sara" not in html and "Nobody matches these filters yet." in html
    # The completed course shows on the card of the one who chose to show it.
    assert (
        "Democracy summit training" in client.get(shown.directory_profile.get_absolute_url()).content.decode()
    )


def test_a_wrong_filter_value_is_dropped_not_a_500(client):
    listed_person(display_name="Karim")
    client.force_login(UserFactory())

    response = client.get(reverse("network:directory"), {"topic": "x", "course": "nope", "page": "zz"})

    assert response.status_code == 200 and "Karim" in response.content.decode()


def test_the_directory_is_paginated_and_page_links_keep_the_filters(client):
    for number in range(25):
        listed_person(display_name=f"Person {number:02}", city="Gdańsk", show=("city",))
    client.force_login(UserFactory())

    html = client.get(reverse("network:directory"), {"city": "Gdańsk"}).content.decode()

    assert "Page 1 of 2" in html and "city=Gda%C5%84sk&amp;page=2" in html
    assert "Person 19" in html and "Person 20" not in html


def _people(count, *, topic, cohort):
    for number in range(count):
        person = listed_person(
            display_name=f"P{number:03}",
            city="Dresden",
            languages=["de", "ar"],
            topics=[topic.pk],
            show=("city", "languages", "topics", "courses", "bio"),
            bio="Hello",
        )
        EnrolmentFactory(user=person, cohort=cohort, status=Enrolment.Status.COMPLETED)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("network:directory"), {"language": "ar"}).status_code == 200
    return len(captured)


def test_the_directory_reads_the_same_number_of_queries_for_10_and_200_people(client):
    topic, cohort = Topic.objects.create(name="Housing"), CohortFactory()
    _people(10, topic=topic, cohort=cohort)
    client.force_login(UserFactory())
    client.get(reverse("network:directory"))  # the site's own cached lookups (locales, site) are warm now
    small = _queries(client)
    _people(190, topic=topic, cohort=cohort)

    assert _queries(client) == small
    assert small <= 20
