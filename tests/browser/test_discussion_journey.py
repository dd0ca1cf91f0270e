"""Two trainees of the demo cohort discuss a lesson, Karim in the Arabic interface and the demo trainee in
the French one; the trainer answers (marked as the trainer's) and hides the post the trainee reported.
Two others walk their cohort's discussion with JavaScript off: every step is a plain form. In the cities'
exchange, Gdańsk asks from its toolkit's page and Lisbon answers in the Arabic interface. Every page
with JavaScript passes axe-core's WCAG 2.1 A/AA checks (axe itself needs JavaScript)."""

import shutil
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from community.models import Helpful, Post, Report, Thread
from learning.models import Cohort, LessonPage
from tests.browser.conftest import DESKTOP, accessibility_violations, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path("/work/shots/discuss")
EXCHANGE_SHOTS = Path("/work/shots/exchange")


def demo_facts():
    lesson = LessonPage.objects.get(slug="who-decides-what", locale__language_code="en")
    cohort = Cohort.objects.get(title__startswith="Brussels and online")
    return {"lesson_pk": lesson.pk, "cohort_pk": cohort.pk}


def shot(page, name, folder=SHOTS, axe=True):
    path = screenshot(page, name)
    if folder.parent.exists():
        folder.mkdir(exist_ok=True)
        shutil.copy(path, folder / path.name)
    if axe:  # axe-core runs as a script: not on a page opened with JavaScript off
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


def test_a_discussion_works_without_javascript(browser, site):
    ngozi = open_page(browser, site, DESKTOP, "ngozi@example.org", java_script=False)
    ngozi.goto(f"/en/community/cohorts/{site.cohort_pk}/")
    expect(ngozi.locator("h1")).to_contain_text("Discussion:")
    ngozi.locator("#id_title").fill("Where do we find the council's agenda?")
    ngozi.locator("#id_body").fill("Dublin publishes it a week ahead. Does your city?")
    ngozi.locator("form[action$='/new/'] button[type=submit]").click()
    expect(ngozi.locator("h1")).to_have_text("Where do we find the council's agenda?")
    thread = Thread.objects.get(title="Where do we find the council's agenda?")
    question = thread.posts.get()

    yusuf = open_page(browser, site, DESKTOP, "yusuf@example.org", java_script=False)
    yusuf.goto(f"/en/community/spaces/{thread.space_id}/")
    yusuf.get_by_role("link", name="Where do we find the council's agenda?").click()
    yusuf.locator(f"#post-{question.pk}").get_by_role("link", name="Quote").click()
    expect(yusuf.locator("#reply + form, form[action$='/reply/']")).to_contain_text("Quoting")
    yusuf.locator("#id_body").fill("Antwerp too, on its website, three days ahead.")
    yusuf.locator("form[action$='/reply/'] button[type=submit]").click()
    reply = Post.objects.get(body__startswith="Antwerp too")
    assert reply.quote_id == question.pk
    expect(yusuf.locator(f"#post-{reply.pk} blockquote")).to_contain_text("Dublin publishes it")
    shot(yusuf, "discuss-06-no-javascript-reply-en", EXCHANGE_SHOTS, axe=False)

    ngozi.reload()
    ngozi.locator(f"#post-{reply.pk}").get_by_role("button", name="Helpful").click()
    expect(ngozi.locator(f"#post-{reply.pk}")).to_contain_text("You found this helpful")
    assert Helpful.objects.filter(post=reply, user__email="ngozi@example.org").exists()

    yusuf.reload()
    yusuf.locator(f"#post-{question.pk}").get_by_role("link", name="Report").click()
    yusuf.locator("input[value=off_topic]").check()
    yusuf.get_by_role("button", name="Send the report").click()
    expect(yusuf.locator("main")).to_contain_text("A moderator will look at this post.")
    assert Report.objects.filter(post=question, reporter__email="yusuf@example.org").exists()
    for page in (ngozi, yusuf):
        page.context.close()


def test_a_city_asks_the_others_from_its_toolkit_and_another_city_answers(browser, site):
    piotr = open_page(browser, site, DESKTOP, "gdansk.team@example.org")
    piotr.goto("/en/toolkits/gdansk/")
    # The demo's questions on the toolkit's theme are listed for a city team.
    expect(piotr.locator("#exchange-heading")).to_be_visible()
    expect(piotr.locator("main")).to_contain_text("How did you set up a migrant council?")
    piotr.locator("#exchange-heading").scroll_into_view_if_needed()
    shot(piotr, "exchange-00-toolkit-lists-the-questions-en", EXCHANGE_SHOTS)
    piotr.get_by_role("link", name="All questions on Political participation, and ask yours").click()
    expect(piotr.locator("h1")).to_contain_text("Political participation")
    expect(piotr.locator("main")).to_contain_text("You write for City of Gdańsk")
    piotr.locator("#id_title").fill("Youth councils with newcomers: who has one?")
    piotr.locator("#id_body").fill(
        "Gdańsk wants young migrants in its youth council. How did you reach them, and in which languages?"
    )
    piotr.locator("form[action$='/new/'] button[type=submit]").click()
    expect(piotr.locator("h1")).to_have_text("Youth councils with newcomers: who has one?")
    expect(piotr.locator("main")).to_contain_text("A question from City of Gdańsk")
    thread = Thread.objects.get(title="Youth councils with newcomers: who has one?")
    assert thread.organisation.city == "Gdańsk"
    shot(piotr, "exchange-01-gdansk-asks-en", EXCHANGE_SHOTS)

    ines = open_page(browser, site, DESKTOP, "lisbon@example.org")
    ines.goto(f"/ar/community/threads/{thread.pk}/")
    assert ines.locator("html").get_attribute("dir") == "rtl"
    expect(ines.locator("main")).to_contain_text("City of Gdańsk")
    # No Arabic name for the theme: the site's default language's, not another translation's.
    expect(ines.locator(".breadcrumb")).to_contain_text("Political participation")
    ines.locator("#id_body").fill(
        "Lisbon's youth council keeps two seats for young people who arrived in the last five years; "
        "we reach them through the schools' Portuguese classes."
    )
    ines.locator("form[action$='/reply/'] button[type=submit]").click()
    answer = Post.objects.get(body__startswith="Lisbon's youth council")
    expect(ines.locator(f"#post-{answer.pk}")).to_contain_text("Lisbon City Council")
    expect(ines.locator(f"#post-{answer.pk} .post-body")).to_have_attribute("dir", "auto")
    shot(ines, "exchange-02-lisbon-answers-ar", EXCHANGE_SHOTS)

    piotr.reload()
    expect(piotr.locator(f"#post-{answer.pk} .badge")).to_contain_text("Lisbon City Council")
    assert "lisbon@example.org" not in piotr.content()
    shot(piotr, "exchange-03-gdansk-reads-the-answer-en", EXCHANGE_SHOTS)
    for page in (piotr, ines):
        page.context.close()
