"""Where the focus goes: after a quiz, on its result; after a refused form, on its first error (with and
without JavaScript); and every button and field shows the same strong outline as links when focused.

One demo and one live server for the module (conftest.site): the quiz's two trainees are made before
the server serves.
"""

import re

import pytest

from tests.browser.conftest import accessibility_violations, open_page, screenshot
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DESKTOP = {"width": 1280, "height": 900}


def demo_facts() -> dict:
    """An English lesson with a quiz, and two fresh trainees enrolled in its course (one per run)."""
    from learning import rules
    from learning.models import Cohort, Enrolment, LessonPage
    from tests.factories import UserFactory

    for cohort in Cohort.objects.filter(enrolment_mode=Cohort.Mode.OPEN).select_related("course"):
        for lesson in LessonPage.objects.live().descendant_of(cohort.course).order_by("path"):
            quizzes, _prompts = rules.activity_ids(lesson)
            if quizzes:
                break
        else:
            continue
        break
    block = next(block for block in lesson.body if block.block_type == "quiz")
    learners = {}
    for java_script in (True, False):
        user = UserFactory(language="en")
        Enrolment.objects.create(user=user, cohort=cohort, status=Enrolment.Status.ACTIVE)
        learners[java_script] = user.email
    return {"lesson": lesson.url, "block": block.id, "learners": learners}


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_after_a_quiz_the_focus_is_on_its_result_with_and_without_javascript(browser, site):
    for java_script, email in site.learners.items():
        page = open_page(browser, site, DESKTOP, email, PASSWORD, java_script=java_script)
        page.goto(site.lesson)
        quiz = page.locator(f"#block-{site.block}")
        for fieldset in quiz.locator("fieldset").all():
            fieldset.locator("input").first.check()

        quiz.locator("button[type=submit]").click()

        result = f"result-{site.block}"
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=result)
        assert "%" in page.locator(f"#{result}").inner_text()
        screenshot(page, f"87-quiz-result-focused-{'js' if java_script else 'no-js'}")
        if java_script:  # axe-core is a script: it cannot run where scripts are off
            assert accessibility_violations(page) == []
        page.context.close()


def test_a_refused_form_opens_on_its_first_error(browser, site):
    page = open_page(browser, site, DESKTOP, java_script=False)
    page.goto("/en/accounts/signup/")
    page.locator("#id_email").fill("new.person@example.org")
    page.locator("#id_password1").fill("short")
    page.locator("#id_password2").fill("short")

    page.locator("form.allauth-form button[type=submit]").click()

    page.wait_for_load_state()
    first_error = page.locator("form.allauth-form .is-invalid").first.get_attribute("id")
    assert first_error and focused_id(page) == first_error
    screenshot(page, "88-signup-error-focused")
    page.context.close()


def contrast_with_white(colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", colour)[:3])

    def linear(channel):
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 1.05 / (luminance + 0.05)


def test_buttons_and_fields_have_the_same_strong_outline_as_links(browser, site):
    page = open_page(browser, site, DESKTOP)
    page.goto("/en/accounts/login/")
    outlines = {}
    for _step in range(40):
        page.keyboard.press("Tab")
        kind = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                 return [e.matches('a:not(.btn)') ? 'link' : e.matches('.btn, button') ? 'button'
                         : e.matches('input, select, textarea') ? 'field' : 'other',
                         s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"""
        )
        outlines.setdefault(kind[0], kind[1:])
        if {"link", "button", "field"} <= outlines.keys():
            break
    screenshot(page, "89-focused-button-outline")

    assert {"link", "button", "field"} <= outlines.keys()
    for kind in ("link", "button", "field"):
        style, width, colour = outlines[kind]
        assert style == "solid" and width >= 2, f"{kind}: {style} {width}px"
        assert contrast_with_white(colour) >= 3, f"{kind}: {colour} against white"
    assert outlines["button"] == outlines["link"] == outlines["field"]
    page.context.close()
