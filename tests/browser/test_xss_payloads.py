"""Stored XSS, counted: payloads planted in everything a person writes that someone else reads, and every
page that shows them loaded in a real browser, as the people who see them.

Fields: display names and names on certificates, reflections, a cohort's title, a trainer's message,
invitation names, an action plan's title, section text and table cells, comments. Pages: the trainer's
workspace (cohorts, waiting, a cohort, the matrix, trainees, invitations), the trainee's (My learning,
the course, the lesson with their reflection, the profile form), the city team's and the peer city's
plan pages and section forms, the public case page and certificate checks.

The payloads are written straight into the database (no form cleans them first): what is tested is the
output. Each one calls `__xss(n)` (or `alert`) if it ever runs; the browser context replaces those with
a canary that counts. The policy is bypassed (`bypass_csp`) so the count is about escaping, not about
the CSP catching what escaping missed. The DOM is also searched for anything a payload could have made
(an element with an event handler, a `javascript:` link, a script naming the canary, a template that
was evaluated). The counts are printed for the issue's closing note.
"""

import re

import pytest
from django.db.models import F

from demo.data import DEMO_PASSWORD
from tests.browser.conftest import CHROMIUM_ARGS, DESKTOP, screenshot  # noqa: F401
from tests.xss import ALL, PAYLOADS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


CANARY = """
(() => {
    const hit = (value) => window.__xssHit(String(value), document.location.pathname);
    window.__xss = hit;
    window.alert = window.confirm = window.prompt = hit;
})();
"""

# What a payload that was not escaped leaves in the DOM (the canary catches those that ran).
DOM_TRACES = """
() => {
    const found = [];
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase(), value = attribute.value.toLowerCase();
            if ((name.startsWith("on") || name.startsWith("hx-on")) && value.includes("__xss")) {
                found.push(`${element.tagName} ${name}`);
            }
            if (["href", "src", "data", "action", "formaction"].includes(name)
                && value.replace(/\\s/g, "").startsWith("javascript:")) {
                found.push(`${element.tagName} ${name}=javascript:`);
            }
        }
        if (element.tagName === "SCRIPT" && element.textContent.includes("__xss")) found.push("SCRIPT");
    }
    const text = document.body ? document.body.innerText : "";
    if (/XSS-49|XSS-\\d{4}/.test(text)) found.push("template evaluated");
    return found;
}
"""


def demo_facts():
    from django.contrib.auth.models import Group

    from accounts.models import User
    from learning import services as learning
    from learning.certificates.services import certificate_issue
    from learning.models import Cohort, CoursePage, Enrolment, LessonPage
    from learning.workspace.models import CohortInvitation, CohortMessage
    from toolkits import services as toolkits
    from toolkits.forms import ROW_FORMS
    from toolkits.models import ActionPlan, Organisation, PlanSection

    trainer = User.objects.get(email="trainer@example.org")
    course = CoursePage.objects.filter(locale__language_code="en", certificate_enabled=True).first()
    lesson, prompt = next(
        (lesson, block.id)
        for lesson in LessonPage.objects.live().descendant_of(course).order_by("path")
        for block in lesson.body
        if block.block_type == "reflection"
    )
    co_trainer = User.objects.create_user(
        email="xss-co-trainer@example.org", password=DEMO_PASSWORD, display_name=PAYLOADS[6]
    )
    co_trainer.groups.add(Group.objects.get(name="Trainers"))
    _verified(co_trainer)
    cohort = Cohort.objects.create(course=course, title=PAYLOADS[4], capacity=None)
    cohort.trainers.add(trainer, co_trainer)

    trainees = []
    for number, payload in enumerate(PAYLOADS):
        user = User.objects.create_user(
            email=f"xss-{number}@example.org",
            password=DEMO_PASSWORD,
            display_name=payload,
            certificate_name=PAYLOADS[-1 - number],
        )
        _verified(user)
        enrolment = Enrolment.objects.create(
            user=user, cohort=cohort, status=Enrolment.Status.ACTIVE, course_key=course.translation_key
        )
        learning.reflection_submit(
            enrolment=enrolment, lesson=lesson, prompt_id=prompt, text=f"{payload}\n{PAYLOADS[number - 1]}"
        )
        trainees.append(enrolment)
        CohortInvitation.objects.create(
            cohort=cohort, email=f"xss-invitee-{number}@example.org", name=payload, invited_by=trainer
        )
    CohortMessage.objects.create(cohort=cohort, sender=trainer, subject=PAYLOADS[15], body=ALL)
    # Three finished trainees with certificates, for the public check of their names.
    certificates = []
    for enrolment in trainees[:3]:
        Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED)
        certificates.append(certificate_issue(enrolment=enrolment, issued_by=trainer).code)
    invitee = User.objects.create_user(
        email="xss-invitee-0@example.org", password=DEMO_PASSWORD, display_name=PAYLOADS[1]
    )
    _verified(invitee)

    # An action plan of Gdańsk, shared with Lisbon (its mentor city), every section full of payloads.
    city = User.objects.get(email="city@example.org")
    peer = User.objects.get(email="lisbon@example.org")
    template = _template()
    plan = toolkits.plan_create(
        template=template,
        organisation=Organisation.objects.get(memberships__user=city),
        user=city,
        title=PAYLOADS[0],
    )
    peers = Organisation.objects.filter(memberships__user=peer)
    toolkits.plan_share(plan=plan, organisations=peers, user=city)
    for section in PlanSection.objects.filter(plan=plan):
        definition = section.definition
        PlanSection.objects.filter(pk=section.pk).update(
            content=_content(definition, ROW_FORMS), version=F("version") + 1
        )
        toolkits.comment_add(section=section, user=peer, body=ALL)
    case = toolkits.plan_create(
        template=template,
        organisation=Organisation.objects.get(memberships__user=city),
        user=city,
        title=PAYLOADS[17],
    )
    for section in PlanSection.objects.filter(plan=case):
        PlanSection.objects.filter(pk=section.pk).update(content=_content(section.definition, ROW_FORMS))
    ActionPlan.objects.filter(pk=case.pk).update(status=ActionPlan.Status.FINAL)
    toolkits.plan_publish(plan=ActionPlan.objects.get(pk=case.pk), user=city)

    # The people made here accept the demo's privacy notice and terms, as its own people have: otherwise
    # their sign-in leads to the acceptance page (accounts.consent), not to the pages under test.
    from accounts.consent import current_versions
    from accounts.services import legal_accept_for_data

    legal_accept_for_data(users=User.objects.all(), versions=current_versions())

    first = trainees[0]
    return {
        "cohort": cohort.pk,
        "trainee_emails": [e.user.email for e in trainees[3:6]],
        "enrolments": [e.pk for e in trainees[:3]],
        "course_url": course.url,
        "lesson_url": lesson.url,
        "invitation": CohortInvitation.objects.get(email=invitee.email).token,
        "certificates": certificates,
        "plan": plan.public_id,
        "case": case.public_id,
        "section_keys": [s["key"] for s in plan.template_snapshot if s["type"] != "guidance"],
        "first_trainee": first.user.email,
    }


def _verified(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def _template():
    from toolkits.models import ActionPlanTemplatePage

    return ActionPlanTemplatePage.objects.live().filter(locale__language_code="en").first()


def _content(definition: dict, row_forms) -> dict:
    kind = definition["type"]
    if kind in row_forms:
        names = list(row_forms[kind]().fields)
        return {
            "rows": [
                {name: PAYLOADS[(row * len(names) + n) % len(PAYLOADS)] for n, name in enumerate(names)}
                for row in range(len(PAYLOADS) // len(names) + 1)
            ]
        }
    if kind == "free_text":
        return {"text": ALL}
    if kind == "questions":
        return {"answers": [ALL for _question in definition.get("questions", [])]}
    if kind == "assessment":
        return {"scores": [3 for _statement in definition.get("statements", [])], "comment": ALL}
    return {}


class Tally:
    def __init__(self):
        self.loads, self.shown, self.executions, self.traces = 0, 0, [], []


@pytest.fixture(scope="module")
def tally():
    counts = Tally()
    yield counts
    print(
        f"\nXSS: {len(PAYLOADS)} distinct payloads, {counts.loads} page loads, {counts.shown} payloads "
        f"shown (payload x page), {len(counts.executions)} executions, {len(counts.traces)} DOM traces"
    )


def reader(browser, site, tally, email=None):
    context = browser.new_context(base_url=site.url, viewport=DESKTOP, bypass_csp=True)
    context.expose_binding("__xssHit", lambda _source, value, path: tally.executions.append((value, path)))
    context.add_init_script(CANARY)
    page = context.new_page()
    page.set_default_timeout(15_000)
    if email:
        page.goto("/en/accounts/login/")
        page.locator("#id_login").fill(email)
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.locator("form.allauth-form button[type=submit]").click()
        page.wait_for_url("**/accounts/profile/")
    return page


def load(page, tally, path: str, shows: bool = True) -> None:
    """Open `path`, let every handler and animation fire, and look for what a payload left behind.

    `shows`: the page shows at least one payload (as text, escaped), so a page that stopped showing
    them cannot pass unnoticed."""
    response = page.goto(path)
    assert response.status == 200, (path, response.status)
    page.wait_for_load_state("networkidle")
    page.mouse.move(200, 300)
    page.wait_for_timeout(150)  # animations (SVG onbegin, marquee) and autofocus handlers
    tally.loads += 1
    traces = page.evaluate(DOM_TRACES)
    tally.traces += [(path, trace) for trace in traces]
    shown = set(re.findall(r"__xss\((\d+)\)", page.content()))
    shown |= {"36"} if "XSS-{% now" in page.content() else set()
    tally.shown += len(shown)
    assert shown or not shows, f"{path} shows none of the payloads"


def test_trainer_pages(browser, site, tally):
    page = reader(browser, site, tally, "trainer@example.org")
    base = f"/en/learning/trainer/cohorts/{site.cohort}"
    for path in ("/en/learning/trainer/", "/en/learning/trainer/waiting/", f"{base}/", f"{base}/matrix/"):
        load(page, tally, path)
    load(page, tally, f"/ar/learning/trainer/cohorts/{site.cohort}/")
    for enrolment in site.enrolments:
        load(page, tally, f"{base}/trainees/{enrolment}/")
    load(page, tally, f"{base}/invite/")
    load(page, tally, f"{base}/edit/")
    screenshot(page, "xss-trainer-cohort-edit")
    page.context.close()
    assert tally.executions == [] and tally.traces == []


def test_trainee_pages(browser, site, tally):
    for email in [site.first_trainee, *site.trainee_emails[:1]]:
        page = reader(browser, site, tally, email)
        load(page, tally, site.course_url, shows=False)  # the course page names no cohort or person
        for path in ("/en/learning/", site.lesson_url, "/en/accounts/profile/"):
            load(page, tally, path)
        screenshot(page, "xss-trainee-profile")
        page.context.close()
    invitee = reader(browser, site, tally, "xss-invitee-0@example.org")
    load(invitee, tally, f"/en/learning/trainer/invitations/{site.invitation}/")
    load(invitee, tally, "/en/learning/")
    invitee.context.close()
    assert tally.executions == [] and tally.traces == []


def test_city_pages(browser, site, tally):
    for email in ("city@example.org", "lisbon@example.org"):
        page = reader(browser, site, tally, email)
        load(page, tally, "/en/plans/")
        load(page, tally, f"/en/plans/{site.plan}/")
        if email == "city@example.org":
            load(page, tally, f"/en/plans/{site.plan}/history/")
            for key in site.section_keys:
                load(page, tally, f"/en/plans/{site.plan}/sections/{key}/")
        screenshot(page, f"xss-plan-{email.split('@')[0]}")
        page.context.close()
    assert tally.executions == [] and tally.traces == []


def test_public_pages(browser, site, tally):
    page = reader(browser, site, tally)
    load(page, tally, f"/en/cases/{site.case}/")
    load(page, tally, f"/ar/cases/{site.case}/")
    for code in site.certificates:
        load(page, tally, f"/en/verify/{code}/")
    screenshot(page, "xss-verify")
    page.context.close()
    assert tally.executions == [] and tally.traces == []


def test_the_canary_and_the_dom_search_catch_payloads_that_are_not_escaped(browser, site):
    """The detectors are live: the same payloads put into a page unescaped run and leave traces."""
    own = Tally()
    page = reader(browser, site, own)
    page.goto("/en/")
    page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", ALL)
    page.mouse.move(200, 300)
    page.wait_for_timeout(500)
    traces = page.evaluate(DOM_TRACES)
    page.context.close()

    assert len({value for value, _path in own.executions}) >= 5, own.executions
    assert len(traces) >= 5, traces
