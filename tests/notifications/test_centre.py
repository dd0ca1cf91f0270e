"""The notifications centre, its header count and the preferences page: each person's own, in their
language, in a fixed number of queries whatever the number of notifications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from notifications.models import Delivery, Kind, Notification, Preference
from tests.factories import UserFactory, lessons_of, make_course

pytestmark = pytest.mark.django_db


def notify(recipient, count=1, **fields):
    fields = {
        "kind": Kind.REPLY,
        "target_path": "/community/threads/1/#post-2",
        "snapshot": "Week 1",
    } | fields
    rows = Notification.objects.bulk_create(
        [Notification(recipient=recipient, **fields) for _ in range(count)], batch_size=2000
    )
    return rows[0] if count == 1 else rows


@pytest.mark.parametrize(
    "name, method",
    [("centre", "get"), ("preferences", "get"), ("mark_all_read", "post"), ("open", "get")],
)
def test_anonymous_visitors_are_sent_to_log_in(client, name, method):
    notification = notify(UserFactory())
    args = [notification.pk] if name == "open" else []
    response = getattr(client, method)(reverse(f"notifications:{name}", args=args))
    assert response.status_code == 302 and "/login/" in response["Location"]
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_centre_lists_newest_first_and_says_which_are_unread(client):
    reader, actor = UserFactory(), UserFactory(display_name="Amal <b>")
    notify(reader, actor=actor, snapshot="Older")
    notify(reader, actor=actor, snapshot="<script>alert(1)</script>", read_at="2026-01-01T00:00Z")
    client.force_login(reader)
    html = client.get(reverse("notifications:centre")).content.decode()
    assert html.index("&lt;script&gt;") < html.index("Older")  # the newest first
    assert "<script>alert" not in html and "Amal &lt;b&gt;" in html
    assert html.count(">Unread<") == 1 and "Read:" in html  # in words, not only in bold
    assert '<bdi dir="auto">Older</bdi>' in html


def test_opening_marks_it_read_and_goes_to_it_in_the_readers_language(client):
    reader = UserFactory()
    notification = notify(reader)
    client.force_login(reader)
    response = client.get(f"/fr/notifications/{notification.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/fr/community/threads/1/#post-2"
    notification.refresh_from_db()
    first_read = notification.read_at
    assert first_read is not None
    client.get(f"/ar/notifications/{notification.pk}/open/")
    notification.refresh_from_db()
    assert notification.read_at == first_read


def test_a_page_opens_in_the_readers_language(client):
    lesson = lessons_of(make_course())[0]
    french = lesson.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True, alias=True
    )
    reader = UserFactory()
    notification = notify(reader, target_path="#block-ref", target_page=lesson)
    client.force_login(reader)
    response = client.get(f"/fr/notifications/{notification.pk}/open/")
    assert response["Location"] == f"{french.get_url()}#block-ref" and response["Location"].startswith("/fr/")


def test_another_persons_notification_is_not_there(client):
    notification = notify(UserFactory())
    client.force_login(UserFactory())
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    assert client.get(reverse("notifications:open", args=[notification.pk + 999])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_as_read_is_a_form_and_marks_only_ones_own(client):
    reader, other = UserFactory(), UserFactory()
    notify(reader, count=3)
    notify(other)
    client.force_login(reader)
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "All your notifications are marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=reader, read_at__isnull=True).exists()
    assert Notification.objects.get(recipient=other).read_at is None


def test_the_header_counts_unread_notifications_in_words(client):
    reader = UserFactory()
    notify(reader, count=3)
    client.force_login(reader)
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert '>3</span><span class="visually-hidden"> unread notifications</span></a>' in html
    notify(reader, count=120)
    assert ">99+</span>" in client.get(reverse("learning:dashboard")).content.decode()
    Notification.objects.update(read_at="2026-01-01T00:00Z")
    html = client.get(reverse("learning:dashboard")).content.decode()
    assert "unread notification" not in html
    assert f'<a href="{reverse("notifications:centre")}">Your notifications</a>' in html  # My learning


def queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_the_centre_and_the_header_cost_the_same_queries_for_10_and_10000(client):
    reader = UserFactory()
    client.force_login(reader)
    notify(reader, count=10, actor=UserFactory())
    centre, dashboard = reverse("notifications:centre"), reverse("learning:dashboard")
    queries(client, centre), queries(client, dashboard)  # what the first pages warm (site, routes)
    few = queries(client, centre), queries(client, dashboard)
    notify(reader, count=9990, actor=UserFactory())
    many = queries(client, centre), queries(client, dashboard)
    assert [len(q) for q in many] == [len(q) for q in few]
    counts = [q for q in many[1] if "notifications_notification" in q]
    assert len(counts) == 1 and "COUNT" in counts[0].upper()  # the header: one count, capped
    assert len([q for q in many[0] if "notifications_notification" in q]) == 3  # header, page count, rows


def test_preferences_show_the_defaults_and_save_the_choices(client):
    person = UserFactory()
    client.force_login(person)
    html = client.get(reverse("notifications:preferences")).content.decode()
    assert 'name="reply" value="digest" id="id_reply_1" checked' in html
    choices = dict.fromkeys(Kind.values, Delivery.SITE) | {Kind.REPLY: Delivery.IMMEDIATE}
    response = client.post(reverse("notifications:preferences"), choices, follow=True)
    assert "Your choices are saved." in response.content.decode()
    chosen = dict(Preference.objects.filter(user=person).values_list("kind", "delivery"))
    assert chosen[Kind.REPLY] == Delivery.IMMEDIATE and chosen[Kind.MENTION] == Delivery.SITE


def test_a_bad_choice_is_refused_and_the_others_are_kept(client):
    person = UserFactory()
    client.force_login(person)
    choices = dict.fromkeys(Kind.values, Delivery.SITE) | {Kind.REPLY: "fax"}
    response = client.post(reverse("notifications:preferences"), choices)
    html = response.content.decode()
    assert response.status_code == 400 and "Choose one of the three." in html
    assert 'name="mention" value="site" id="id_mention_2" checked' in html
    assert not Preference.objects.exists()
