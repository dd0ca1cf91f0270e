"""Two trainees of the demo cohort discuss a lesson, Karim in the Arabic interface and the demo trainee in
the French one; the trainer answers (marked as the trainer's) and hides the post the trainee reported.
Every page passes axe-core's WCAG 2.1 A/AA checks."""

import shutil
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from community.models import Post, Report
from learning.models import LessonPage
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path("/work/shots/discuss")


def demo_facts():
    lesson = LessonPage.objects.get(slug="who-decides-what", locale__language_code="en")
    return {"lesson_pk": lesson.pk}


def shot(page, name):
    path = screenshot(page, name)
    if SHOTS.parent.exists():
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SHOTS / path.name)
    assert accessibility_violations(page) == []


def test_two_trainees_discuss_a_lesson_and_the_trainer_answers_and_moderates(browser, site):
    karim = open_page(browser, site, DESKTOP, "karim@example.org")
    karim.goto(f"/ar/community/lessons/{site.lesson_pk}/")
    assert karim.locator("html").get_attribute("dir") == "rtl"
    karim.locator("#id_title").fill("من يقرر ميزانية الأحياء؟")
    karim.locator("#id_body").fill(
        "في الدرس رأينا الخريطة. هل تقرر البلدية أم المنطقة ميزانية الأحياء في بروكسل؟\n\nمثال: https://be.brussels/ar"  # noqa: RUF001 -- Arabic text beside an address, on purpose
    )
    karim.locator("form[action$='/new/'] button[type=submit]").click()
    expect(karim.locator("h1")).to_have_text("من يقرر ميزانية الأحياء؟")
    expect(karim.locator(".post-body").first).to_have_attribute("dir", "auto")
    shot(karim, "discuss-01-karim-asks-ar")

    trainee = open_page(browser, site, DESKTOP, "trainee@example.org")
    trainee.goto(karim.url.replace("/ar/", "/fr/"))
    assert trainee.locator("html").get_attribute("lang") == "fr"
    with translation.override("fr"):
        quote, send_report = gettext("Quote"), gettext("Send the report")
    trainee.locator("article.post").first.locator("a", has_text=quote).click()
    trainee.locator("#id_body").fill(
        "Bonne question, Karim ! À Bruxelles, ce sont les communes qui votent leur budget."
    )
    trainee.locator("form[action$='/reply/'] button[type=submit]").click()
    expect(trainee.locator("article.post blockquote")).to_contain_text("ميزانية")
    shot(trainee, "discuss-02-trainee-replies-fr")

    # Karim adds a post the trainee reports: a private phone number.
    karim.reload()
    karim.locator("#id_body").fill("اتصلوا بالمستشار على رقمه الخاص 0470123456")
    karim.locator("form[action$='/reply/'] button[type=submit]").click()
    offending = Post.objects.get(body__contains="0470123456")
    trainee.goto(f"/fr/community/posts/{offending.pk}/report/")
    trainee.locator("input[value=personal]").check()
    trainee.get_by_role("button", name=send_report).click()
    assert Report.objects.filter(post=offending, resolved_at=None).exists()

    trainer = open_page(browser, site, DESKTOP, "trainer@example.org")
    trainer.goto("/en/learning/trainer/waiting/")
    trainer.get_by_role("link", name="Reported posts in your cohorts' discussions").click()
    expect(trainer.locator("main")).to_contain_text("0470123456")
    shot(trainer, "discuss-03-trainer-reports-en")
    trainer.locator(f"a[href$='/posts/{offending.pk}/moderate/']").first.click()
    trainer.locator("#id_note").fill("A private phone number: please use the council's public page.")
    trainer.get_by_role("button", name="Hide", exact=True).click()
    trainer.locator("#id_body").fill(
        "The 19 communes vote their own budgets; the Region funds neighbourhood contracts on top."
    )
    trainer.locator("form[action$='/reply/'] button[type=submit]").click()
    expect(trainer.locator("article.post.border-success")).to_contain_text("Trainer's answer")
    shot(trainer, "discuss-04-trainer-answered-en")

    karim.reload()
    expect(karim.locator("main")).not_to_contain_text("0470123456")
    expect(karim.locator("article.post").last).to_contain_text("The 19 communes")
    shot(karim, "discuss-05-karim-reads-the-answer-ar")
    for page in (karim, trainee, trainer):
        page.context.close()
