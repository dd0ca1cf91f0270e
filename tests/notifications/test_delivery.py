"""How a person hears of a notification: an e-mail at once, a daily digest or only the site, each
e-mail in their language with a one-click unsubscribe that works without logging in."""

import json
from datetime import timedelta

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notifications import digest, services
from notifications.models import Delivery, Kind, Notification, Preference
from notifications.unsubscribe import DIGEST, token_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def send(recipient, kind=Kind.MENTION, actor=None, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            services.notification_send(
                recipient=recipient,
                kind=kind,
                actor=actor or UserFactory(display_name="Amal"),
                target=fields.pop("target", "/fr/community/threads/1/"),
                snapshot=fields.pop("snapshot", "Conseil des migrants"),
            )
        return Notification.objects.filter(recipient=recipient).order_by("-pk").first()

    return send


def test_an_immediate_email_is_in_the_recipients_language_with_one_click_unsubscribe(send, mailoutbox):
    nour = UserFactory(language="ar", display_name="Nour")
    notification = send(nour, kind=Kind.MENTION)
    [mail] = mailoutbox
    assert mail.to == [nour.email] and "Amal" in mail.subject and "Conseil des migrants" in mail.subject
    open_url = f"http://127.0.0.1:8000/ar/notifications/{notification.pk}/open/"
    assert open_url in mail.body
    unsubscribe = mail.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<") and "/ar/notifications/unsubscribe/" in unsubscribe
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in mail.body  # the same link in the text, for every mail program
    html = mail.alternatives[0][0]
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_digest_and_site_kinds_send_no_email_at_once(send, mailoutbox):
    person = UserFactory()
    send(person, kind=Kind.REPLY)  # digest by default
    services.preferences_save(user=person, deliveries={Kind.MENTION: Delivery.SITE})
    send(person, kind=Kind.MENTION)
    assert mailoutbox == [] and Notification.objects.filter(recipient=person).count() == 2


def test_a_person_chooses_an_email_at_once_for_replies(send, mailoutbox):
    person = UserFactory()
    services.preferences_save(user=person, deliveries={Kind.REPLY: Delivery.IMMEDIATE})
    send(person, kind=Kind.REPLY)
    assert len(mailoutbox) == 1


def test_nobody_is_notified_of_their_own_action(send, mailoutbox):
    person = UserFactory()
    assert send(person, actor=person) is None
    assert mailoutbox == []


def test_the_digest_sends_each_person_one_email_once(send, mailoutbox, django_capture_on_commit_callbacks):
    def digests_send():
        with django_capture_on_commit_callbacks(execute=True):
            return digest.digests_send()

    amal, louis = UserFactory(language="fr"), UserFactory()
    first, second = send(amal, kind=Kind.REPLY, snapshot="Semaine 1"), send(amal, kind=Kind.REPLY)
    send(louis, kind=Kind.REPLY)
    read = send(louis, kind=Kind.REPLY, snapshot="Already read")
    services.notification_open(notification=read)
    # A day the digest did not run is caught up; what is older than a week is left to the centre.
    missed = send(louis, kind=Kind.REPLY, snapshot="Three days ago")
    Notification.objects.filter(pk=missed.pk).update(created_at=timezone.now() - timedelta(days=3))
    old = send(louis, kind=Kind.REPLY, snapshot="Last week")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_digests")

    assert sorted(m.to[0] for m in mailoutbox) == sorted([amal.email, louis.email])
    to_amal = next(m for m in mailoutbox if m.to == [amal.email])
    assert "Semaine 1" in to_amal.body and f"/fr/notifications/{first.pk}/open/" in to_amal.body
    assert f"/fr/notifications/{second.pk}/open/" in to_amal.body
    assert "/fr/notifications/unsubscribe/" in to_amal.extra_headers["List-Unsubscribe"]
    to_louis = next(m for m in mailoutbox if m.to == [louis.email])
    assert "Already read" not in to_louis.body and "Last week" not in to_louis.body
    assert "Three days ago" in to_louis.body

    assert digests_send() == 0  # run again (a second cron line, a retry): nothing twice
    assert len(mailoutbox) == 2
    send(amal, kind=Kind.REPLY, snapshot="Later that day")
    assert digests_send() == 1 and "Later that day" in mailoutbox[-1].body
    assert "Semaine 1" not in mailoutbox[-1].body


def test_the_digest_leaves_out_what_was_emailed_at_once_and_kinds_on_the_site(send, mailoutbox):
    person = UserFactory()
    send(person, kind=Kind.MENTION)  # e-mailed at once
    services.preferences_save(user=person, deliveries={Kind.REPLY: Delivery.SITE})
    send(person, kind=Kind.REPLY)
    mailoutbox.clear()
    assert digest.digests_send() == 0


def unsubscribe_path(user, kind):
    return reverse("notifications:unsubscribe", args=[token_for(user=user, kind=kind)])


def test_the_unsubscribe_link_works_without_logging_in(client):
    person = UserFactory()
    path = unsubscribe_path(person, Kind.MENTION)
    page = client.get(path)
    assert page.status_code == 200 and "<form" in page.content.decode()
    assert not Preference.objects.exists()  # a GET (a link scanner, a preview) changes nothing
    assert client.post(path).status_code == 200
    assert Preference.objects.get(user=person, kind=Kind.MENTION).delivery == Delivery.SITE
    assert client.post(path).status_code == 200  # pressing twice is harmless


def test_a_mail_programs_one_click_post_needs_no_csrf_token():
    from django.test import Client

    person = UserFactory()
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(unsubscribe_path(person, Kind.ANSWER), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Preference.objects.get(user=person, kind=Kind.ANSWER).delivery == Delivery.SITE


def test_the_digests_unsubscribe_moves_every_digest_kind_to_the_site(client):
    person = UserFactory()
    services.preferences_save(user=person, deliveries={Kind.MENTION: Delivery.DIGEST})
    client.post(unsubscribe_path(person, DIGEST))
    chosen = dict(Preference.objects.filter(user=person).values_list("kind", "delivery"))
    assert chosen[Kind.MENTION] == chosen[Kind.REPLY] == chosen[Kind.REFLECTION_REVIEWED] == Delivery.SITE
    assert Kind.ANSWER not in chosen  # still at once


@pytest.mark.parametrize(
    "token",
    ["forged", "eyJ1IjoxLCJrIjoibWVudGlvbiJ9:1abc:wrongsignature", "a" * 300, "%00"],
)
def test_a_forged_or_altered_token_is_refused(client, token):
    UserFactory()
    response = client.post(f"/en/notifications/unsubscribe/{token}/")
    assert response.status_code == 400  # a NUL is refused before the view, by the site's own 400 page
    assert "%" in token or "This link does not work" in response.content.decode()
    assert not Preference.objects.exists()


def test_a_token_for_another_kind_or_person_cannot_be_made_from_one(client):
    person = UserFactory()
    token = token_for(user=person, kind=Kind.MENTION)
    _payload, timestamp_and_signature = token.split(":", 1)
    for other in ({"u": person.pk, "k": "answer"}, {"u": person.pk + 1, "k": "mention"}):
        payload = signing.b64_encode(json.dumps(other, separators=(",", ":")).encode()).decode()
        response = client.post(f"/en/notifications/unsubscribe/{payload}:{timestamp_and_signature}/")
        assert response.status_code == 400
    assert not Preference.objects.exists()
    person.delete()
    assert client.post(f"/en/notifications/unsubscribe/{token}/").status_code == 400
