"""After switching the interface language, a signed-in person is offered that language for their e-mails
and certificates (their profile's language), and answers with a plain form."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OFFER = 'name="answer" value="accept"'


def offer_url(language):
    with translation.override(language):
        return reverse("accounts:language_offer")


def switch(client, language, next_url=None):
    """Use the language menu, then follow it to the page it leads to."""
    next_url = next_url or f"/{language}/accounts/profile/"
    url = reverse("core:switch_language", args=[language]) + f"?next={next_url}"
    return client.get(url, follow=True)


def page(client, url):
    return client.get(url).content.decode()


@pytest.fixture
def trainee(client):
    person = UserFactory(language="en")
    client.force_login(person)
    return person


def test_switching_to_another_language_than_the_profiles_offers_it(client, trainee):
    response = switch(client, "fr")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{offer_url("fr")}"' in html
    assert '<input type="hidden" name="language" value="fr">' in html
    assert OFFER in html and 'name="answer" value="decline"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    # Named in the language the page is in, which is the language offered.
    assert "français" in html


def test_the_offer_stays_on_pages_in_that_language_only(client, trainee):
    switch(client, "fr")

    assert OFFER in page(client, "/fr/accounts/privacy/")
    assert OFFER not in page(client, "/de/accounts/privacy/")


def test_accepting_makes_it_the_profiles_language_and_ends_the_offer(client, trainee):
    switch(client, "ar")

    response = client.post(
        offer_url("ar"), {"language": "ar", "answer": "accept", "next": "/ar/accounts/privacy/"}
    )

    trainee.refresh_from_db()
    assert trainee.language == "ar"
    assert response.status_code == 302 and response["Location"] == "/ar/accounts/privacy/"
    html = page(client, "/ar/accounts/privacy/")
    assert OFFER not in html
    assert "alert-success" in html and "العربيّة" in html


def test_declining_keeps_the_profile_and_is_not_asked_again_that_session(client, trainee):
    switch(client, "fr")

    response = client.post(offer_url("fr"), {"language": "fr", "answer": "decline", "next": "/fr/"})

    trainee.refresh_from_db()
    assert trainee.language == "en"
    assert response["Location"] == "/fr/"
    assert OFFER not in page(client, "/fr/accounts/privacy/")
    assert OFFER not in switch(client, "de").content.decode()
    assert OFFER not in switch(client, "fr").content.decode()


def test_a_new_session_asks_again_after_a_decline(client, trainee):
    switch(client, "fr")
    client.post(offer_url("fr"), {"language": "fr", "answer": "decline"})
    client.logout()
    client.force_login(trainee)

    assert OFFER in switch(client, "fr").content.decode()


def test_no_offer_when_the_profile_already_has_that_language(client):
    client.force_login(UserFactory(language="fr"))

    assert OFFER not in switch(client, "fr").content.decode()


def test_switching_back_to_the_profiles_language_withdraws_the_offer(client, trainee):
    switch(client, "fr")

    assert OFFER not in switch(client, "en").content.decode()
    assert OFFER not in page(client, "/fr/accounts/privacy/")


def test_no_offer_to_anonymous_visitors(client):
    response = switch(client, "fr", next_url="/fr/")

    assert response.status_code == 200
    assert OFFER not in response.content.decode()


def test_the_answer_changes_only_the_requesters_own_profile(client, trainee):
    other = UserFactory(language="de")
    switch(client, "fr")

    # Whatever names another person in the form is ignored: there is no field for whose profile it is.
    client.post(
        offer_url("fr"),
        {"language": "fr", "answer": "accept", "user": other.pk, "email": other.email, "pk": other.pk},
    )

    other.refresh_from_db()
    trainee.refresh_from_db()
    assert other.language == "de"
    assert trainee.language == "fr"


def test_anonymous_answer_goes_to_sign_in_and_changes_nothing(client):
    other = UserFactory(language="de")

    response = client.post(offer_url("fr"), {"language": "fr", "answer": "accept", "user": other.pk})

    other.refresh_from_db()
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert other.language == "de"


@pytest.mark.parametrize(
    "data",
    [
        {"language": "xx", "answer": "accept"},
        {"language": "fr", "answer": "maybe"},
        {"language": "fr"},
        {"answer": "accept"},
    ],
)
def test_a_tampered_answer_is_refused_with_400_and_changes_nothing(client, trainee, data):
    response = client.post(offer_url("fr"), data)

    trainee.refresh_from_db()
    assert response.status_code == 400
    assert trainee.language == "en"


def test_the_answer_is_a_post(client, trainee):
    assert client.get(offer_url("fr"), {"language": "fr", "answer": "accept"}).status_code == 405


def test_the_answer_never_leads_off_the_site(client, trainee):
    response = client.post(
        offer_url("fr"), {"language": "fr", "answer": "decline", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/fr/"


def test_the_answer_needs_the_csrf_token(trainee):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(trainee)

    response = strict.post(offer_url("fr"), {"language": "fr", "answer": "accept"})

    trainee.refresh_from_db()
    assert response.status_code == 403
    assert trainee.language == "en"
