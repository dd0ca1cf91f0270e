"""A trainee is told of a reply in her cohort's discussion: the header counts it, the centre lists it
(in English and in Arabic), and opening it marks it read and leads to the reply in her language. Every
page passes axe-core's WCAG 2.1 A/AA checks."""

import io
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from community import services as community
from learning.models import Cohort, Enrolment
from notifications.models import Kind, Notification
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot
from tests.factories import PASSWORD, EnrolmentFactory, LiveSessionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path("/work/shots/notify")


def demo_facts():
    cohort = Cohort.objects.get(title__startswith="Brussels and online")
    salma = UserFactory(email="salma.notify@example.org", display_name="سلمى", language="ar")
    EnrolmentFactory(cohort=cohort, user=salma, status=Enrolment.Status.ACTIVE)
    space = community.cohort_space(cohort=cohort)
    thread = community.thread_create(
        space=space, author=salma, title="من لديه تجربة مع مجلس المهاجرين؟", body="أبحث عن أمثلة من مدن أخرى."
    )
    # The demo, loaded and committed as `load_demo` does, told its trainee of its discussion's replies,
    # the trainer's answer and her certificate (through the services, like everything else).
    demo_told = Notification.objects.filter(recipient__email="trainee@example.org")
    demo_kinds = set(demo_told.values_list("kind", flat=True))
    # A live session of her cohort tomorrow morning: its day-before reminder is due now.
    starts_at = timezone.now() + timedelta(hours=20)
    LiveSessionFactory(
        cohort=cohort,
        title="Meeting the city council",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
    )
    # What cron's `send_due_reminders` sends now, committed like the rest (the server must see it).
    mail.outbox = []
    call_command("send_due_reminders", "--kind", "live_session", stdout=io.StringIO())
    reminders_to_salma = [m.body for m in mail.outbox if m.to == [salma.email]]
    return {
        "thread_pk": thread.pk,
        "salma_pk": salma.pk,
        "demo_kinds": demo_kinds,
        "reminders_to_salma": reminders_to_salma,
    }


def shot(page, name):
    path = screenshot(page, name)
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SHOTS / path.name)
    assert accessibility_violations(page) == []


def test_the_demo_trainee_has_notifications_of_the_discussion_and_her_certificate(site):
    assert {Kind.REPLY, Kind.ANSWER, Kind.CERTIFICATE_ISSUED} <= site.demo_kinds


def test_a_trainee_sees_a_reply_counted_listed_and_opened_in_her_language(browser, site):
    karim = open_page(browser, site, DESKTOP, "karim@example.org")
    karim.goto(f"/ar/community/threads/{site.thread_pk}/")
    karim.locator("#id_body").fill(
        "في برلين لدينا مجلس للمقيمين الأجانب منذ ٢٠١٢، يسعدني أن أشارككم تجربتنا."
    )
    karim.locator("form[action$='/reply/'] button[type=submit]").click()
    notification = Notification.objects.get(recipient_id=site.salma_pk, kind=Kind.REPLY)
    assert notification.kind == Kind.REPLY and notification.read_at is None

    salma = open_page(browser, site, DESKTOP, "salma.notify@example.org", PASSWORD)
    salma.goto("/en/learning/")
    link = salma.locator("header a.site-notifications[href='/en/notifications/']")
    expect(link).to_contain_text("2")  # the reply, and the reminder of tomorrow's session
    expect(link.locator(".visually-hidden")).to_contain_text("unread notification")
    salma.goto("/en/notifications/")
    item = salma.locator(".notification-list li").first
    expect(item).to_contain_text("Unread")
    expect(item).to_contain_text("replied in")
    shot(salma, "notify-01-centre-en")

    salma.goto("/ar/notifications/")
    assert salma.locator("html").get_attribute("dir") == "rtl"
    expect(salma.locator(".notification-list li").first.locator("bdi").last).to_have_text(
        "من لديه تجربة مع مجلس المهاجرين؟"
    )
    shot(salma, "notify-02-centre-ar")

    salma.locator(".notification-list li a").first.click()
    salma.wait_for_url(f"**/ar/community/threads/{site.thread_pk}/**")
    expect(salma.locator("main")).to_contain_text("في برلين لدينا مجلس")
    notification.refresh_from_db()
    assert notification.read_at is not None
    expect(salma.locator("header a.site-notifications[href='/ar/notifications/']")).to_contain_text(
        "1"
    )  # the reminder
    shot(salma, "notify-03-opened-ar")


def test_a_trainee_is_reminded_of_a_live_session_by_e_mail_and_in_the_centre(browser, site):
    assert len(site.reminders_to_salma) == 1
    assert "Meeting the city council" in site.reminders_to_salma[0]

    salma = open_page(browser, site, DESKTOP, "salma.notify@example.org", PASSWORD)
    salma.goto("/fr/notifications/")
    item = salma.locator(".notification-list li", has_text="Meeting the city council")
    expect(item).to_have_count(1)
    item.locator("a").click()
    salma.wait_for_url("**/fr/**")  # the course, in the reader's language
    expect(salma.locator("h1")).to_be_visible()
    shot(salma, "notify-04-session-reminder-course-fr")
