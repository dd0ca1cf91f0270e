"""Every e-mail arrives with an HTML part beside its plain text: the organisation's name and colour, the
recipient's language and direction, the same links as the text, nothing fetched from elsewhere, and a
sender named after the organisation."""

import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from wagtail.models import Site

from home.models import FooterSettings, IssuerSettings
from outbox import services, tasks
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT_URL = re.compile(r"https?://\S+")


class _Page(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.root, self.links, self.sources, self.text = {}, [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        if tag == "a":
            self.links.append(attrs["href"])
        self.sources += [value for name, value in attrs.items() if name in ("src", "srcset", "background")]
        if tag in ("img", "link", "script", "iframe", "object"):
            self.sources.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def html_of(message) -> str:
    assert isinstance(message, EmailMultiAlternatives)
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def organisation():
    site = Site.objects.get(is_default_site=True)
    FooterSettings.objects.update_or_create(site=site, defaults={"organisation_name": "Migration Policy Lab"})
    IssuerSettings.objects.update_or_create(site=site, defaults={"primary_colour": "#7a1f5c"})
    return site


def enrol(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    cohort = CohortFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cohort.enrol_url, follow=True)
    [message] = mail.outbox
    return message


def test_enrolment_email_has_a_plain_text_and_an_html_part_in_the_organisations_look(
    client, organisation, django_capture_on_commit_callbacks
):
    message = enrol(client, UserFactory(display_name="Amina Yusuf"), django_capture_on_commit_callbacks)

    html = html_of(message)
    page = _Page(html)
    assert "You are enrolled" in message.subject
    assert "Hello Amina Yusuf," in message.body
    assert page.root == {"lang": "en", "dir": "ltr"}
    assert "Hello Amina Yusuf," in "".join(page.text)
    assert "Migration Policy Lab" in "".join(page.text)
    assert "#7a1f5c" in html
    assert page.sources == []  # no image, stylesheet or script: nothing is fetched when it is opened


def test_links_are_the_same_in_both_parts(client, organisation, django_capture_on_commit_callbacks):
    message = enrol(client, UserFactory(), django_capture_on_commit_callbacks)

    text_links = TEXT_URL.findall(message.body)
    assert len(text_links) >= 2  # the course and "your courses"
    assert _Page(html_of(message)).links == text_links


def test_arabic_recipient_gets_a_right_to_left_html_part(
    client, organisation, django_capture_on_commit_callbacks
):
    message = enrol(client, UserFactory(language="ar"), django_capture_on_commit_callbacks)

    page = _Page(html_of(message))
    assert page.root == {"lang": "ar", "dir": "rtl"}
    assert message.body.strip() and "".join(page.text).count("\n") >= 1


def test_farsi_is_right_to_left_and_french_left_to_right():
    for language, direction in [("fa", "rtl"), ("fr", "ltr"), ("ti", "ltr")]:
        email = services.email_send(
            to="x@example.org",
            subject="s",
            body="Salut https://example.org/a",
            kind="test",
            language=language,
        )
        assert _Page(email.html).root == {"lang": language, "dir": direction}


def test_the_sender_is_named_after_the_organisation(client, organisation, django_capture_on_commit_callbacks):
    message = enrol(client, UserFactory(), django_capture_on_commit_callbacks)

    assert message.from_email == "Migration Policy Lab <no-reply@localhost>"
    assert "From: Migration Policy Lab <no-reply@localhost>" in message.message().as_string()


def test_a_name_with_accents_and_commas_makes_a_valid_from_header(organisation):
    FooterSettings.objects.filter(site=organisation).update(
        organisation_name="Ville de Liège, Service intégration"
    )

    email = services.email_send(to="x@example.org", subject="s", body="b", kind="test")
    tasks.email_deliver(email_id=email.pk)

    [message] = mail.outbox
    header = message.message()["From"]
    assert str(header) == '"Ville de Liège, Service intégration" <no-reply@localhost>'


def test_without_an_organisation_the_sender_is_default_from_email(settings):
    settings.DEFAULT_FROM_EMAIL = "Training <training@example.org>"
    FooterSettings.objects.all().delete()
    IssuerSettings.objects.all().delete()

    email = services.email_send(to="x@example.org", subject="s", body="b", kind="test")

    assert email.from_email == "Training <training@example.org>"


def test_the_issuers_name_is_used_when_the_footer_names_nobody(organisation):
    FooterSettings.objects.filter(site=organisation).update(organisation_name="")
    IssuerSettings.objects.filter(site=organisation).update(organisation_name="Issuer Lab")

    email = services.email_send(to="x@example.org", subject="s", body="b", kind="test")

    assert email.from_email == "Issuer Lab <no-reply@localhost>"


def test_what_people_typed_is_escaped_in_the_html_part(
    client, organisation, django_capture_on_commit_callbacks
):
    message = enrol(
        client,
        UserFactory(display_name='<img src="x.png" onerror="alert(1)"> & co'),
        django_capture_on_commit_callbacks,
    )

    html = html_of(message)
    assert "<img" not in html
    # x.png reads as a file or domain name: isolated left to right (tests/outbox/test_bidi_email.py)
    without_isolates = re.sub(r"<bdi[^>]*>(.*?)</bdi>", r"\1", html)
    escaped = "Hello &lt;img src=&quot;x.png&quot; onerror=&quot;alert(1)&quot;&gt; &amp; co,"
    assert escaped in without_isolates
    assert _Page(html).sources == []


def test_password_reset_from_allauth_is_multipart_in_the_recipients_language(
    client, organisation, django_capture_on_commit_callbacks
):
    user = UserFactory(language="fa")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": user.email})

    [message] = mail.outbox
    page = _Page(html_of(message))
    assert page.root == {"lang": "fa", "dir": "rtl"}
    assert message.from_email == "Migration Policy Lab <no-reply@localhost>"
    reset_links = [link for link in TEXT_URL.findall(message.body) if "/password/reset/key/" in link]
    assert reset_links and page.links == TEXT_URL.findall(message.body)


def test_signup_verification_from_allauth_is_multipart_with_the_same_link(
    client, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "display_name": "Nour",
                "email": "nour@example.org",
                "password1": "tulips-in-kabul-2026",
                "password2": "tulips-in-kabul-2026",
                "language": "ar",
            },
        )

    [message] = mail.outbox
    page = _Page(html_of(message))
    assert page.root == {"lang": "ar", "dir": "rtl"}
    assert any("/confirm-email/" in link for link in page.links)
    assert page.links == TEXT_URL.findall(message.body)


def test_a_full_stop_after_a_link_stays_out_of_it():
    email = services.email_send(
        to="x@example.org",
        subject="s",
        body=(
            "Read https://example.org/verify/AB12. Then (see https://example.org/x?a=1&b=2).\n\n- one\n- two"
        ),
        kind="test",
        language="en",
    )

    page = _Page(email.html)
    assert page.links == ["https://example.org/verify/AB12", "https://example.org/x?a=1&b=2"]
    assert "<ul" in email.html and "<li" in email.html
