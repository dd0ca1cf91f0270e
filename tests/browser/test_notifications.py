"""A trainee is told of a reply in her cohort's discussion: the header counts it, the centre lists it
(in English and in Arabic), and opening it marks it read and leads to the reply in her language. Every
page passes axe-core's WCAG 2.1 A/AA checks."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from community import services as community
from learning.models import Cohort, Enrolment
from notifications.models import Kind, Notification
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot
from tests.factories import PASSWORD, EnrolmentFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path("/work/shots/notify")


def demo_facts():
    cohort = Cohort.objects.get(title__startswith="Brussels and online")
    leila = UserFactory(email="salma.notify@example.org", display_name="سلمى", language="ar")
    EnrolmentFactory(cohort=cohort, user=leila, status=Enrolment.Status.ACTIVE)
    space = community.cohort_space(cohort=cohort)
    thread = community.thread_create(
        space=space, author=leila, title="من لديه تجربة مع مجلس المهاجرين؟", body="أبحث عن أمثلة من مدن أخرى."
    )
    return {"thread_pk": thread.pk, "leila_pk": leila.pk}


def shot(page, name):
    path = screenshot(page, name)
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SHOTS / path.name)
    assert accessibility_violations(page) == []


def test_a_trainee_sees_a_reply_counted_listed_and_opened_in_her_language(browser, site):
    karim = open_page(browser, site, DESKTOP, "karim@example.org")
    karim.goto(f"/ar/community/threads/{site.thread_pk}/")
    karim.locator("#id_body").fill(
        "في برلين لدينا مجلس للمقيمين الأجانب منذ ٢٠١٢، يسعدني أن أشارككم تجربتنا."
    )
    karim.locator("form[action$='/reply/'] button[type=submit]").click()
    notification = Notification.objects.get(recipient_id=site.leila_pk)
    assert notification.kind == Kind.REPLY and notification.read_at is None

    leila = open_page(browser, site, DESKTOP, "salma.notify@example.org", PASSWORD)
    leila.goto("/en/learning/")
    link = leila.locator("header a[href='/en/notifications/']")
    expect(link).to_contain_text("1")
    expect(link.locator(".visually-hidden")).to_have_text("(1 unread)")
    leila.goto("/en/notifications/")
    item = leila.locator(".notification-list li").first
    expect(item).to_contain_text("Unread")
    expect(item).to_contain_text("replied in")
    shot(leila, "notify-01-centre-en")

    leila.goto("/ar/notifications/")
    assert leila.locator("html").get_attribute("dir") == "rtl"
    expect(leila.locator(".notification-list bdi").last).to_have_text("من لديه تجربة مع مجلس المهاجرين؟")
    shot(leila, "notify-02-centre-ar")

    leila.locator(".notification-list li a").first.click()
    leila.wait_for_url(f"**/ar/community/threads/{site.thread_pk}/**")
    expect(leila.locator("main")).to_contain_text("في برلين لدينا مجلس")
    notification.refresh_from_db()
    assert notification.read_at is not None
    expect(leila.locator("header a[href='/ar/notifications/'] .badge")).to_have_count(0)
    shot(leila, "notify-03-opened-ar")
