"""Data for the toolkits tests: a library with toolkits, a template, city teams and plans."""

import uuid

import factory
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale

from home.models import HomePage
from tests.factories import UserFactory
from toolkits import services
from toolkits.models import (
    ActionPlanTemplatePage,
    Membership,
    Organisation,
    Pairing,
    Theme,
    ToolkitDocument,
    ToolkitIndexPage,
    ToolkitPage,
    ToolkitRelatedPage,
)

SECTIONS = [
    ("guidance", {"title": "Before you start", "guidance": "<p>Read the Gdansk toolkit first.</p>"}),
    ("free_text", {"title": "Where we stand", "guidance": "", "max_length": 5000}),
    (
        "questions",
        {"title": "Guiding questions", "guidance": "", "questions": ["Who is missing?", "Who decides?"]},
    ),
    ("actions", {"title": "Actions", "guidance": ""}),
    ("goals", {"title": "SMART goals", "guidance": ""}),
    ("risks", {"title": "Risks", "guidance": ""}),
    (
        "assessment",
        {
            "title": "Self-assessment",
            "guidance": "",
            "statements": ["We consult migrants"],
            "low_label": "Not yet",
            "high_label": "Fully",
        },
    ),
]


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"City {n}")
    city = factory.Sequence(lambda n: f"Town {n}")
    country = "PL"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="en"))


def member(organisation: Organisation, **kwargs):
    user = UserFactory(**kwargs)
    Membership.objects.create(organisation=organisation, user=user)
    return user


def library(locale_code: str = "en") -> ToolkitIndexPage:
    home = HomePage.objects.get(locale__language_code=locale_code)
    existing = ToolkitIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = ToolkitIndexPage(title="Toolkits", slug="toolkits", intro="Learn from other cities.")
    home.add_child(instance=index)
    return index


def toolkit(
    index: ToolkitIndexPage, *, title="Gdansk toolkit", themes=(), documents=(), **fields
) -> ToolkitPage:
    index.refresh_from_db()
    fields = {
        "summary": "How Gdansk wrote its immigrant integration model.",
        "city": "Gdansk",
        "country": "PL",
        **fields,
    }
    page = ToolkitPage(title=title, slug=fields.pop("slug", None) or slugify(title), **fields)
    index.add_child(instance=page)
    page.themes.set(themes)
    for document, language in documents:
        ToolkitDocument.objects.create(page=page, document=document, language=language)
    page.save_revision().publish()
    return page


def document(
    title="Integration model", *, name="model.pdf", content=b"%PDF-1.4 test", collection=None
) -> Document:
    doc = Document(title=title, file=ContentFile(content, name=name))
    if collection is not None:
        doc.collection = collection
    doc.save()
    return doc


def template(
    index: ToolkitIndexPage, *, title="City action plan", sections=SECTIONS
) -> ActionPlanTemplatePage:
    index.refresh_from_db()
    slug = f"{title.lower().replace(' ', '-')}-{uuid.uuid4().hex[:6]}"  # the demo may have the plain one
    page = ActionPlanTemplatePage(title=title, slug=slug, intro="Write your plan.")
    page.sections = list(sections)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def link_template(toolkit_page: ToolkitPage, template_page: ActionPlanTemplatePage) -> None:
    ToolkitRelatedPage.objects.create(page=toolkit_page, target=template_page)


def plan(template_page=None, organisation=None, user=None, *, title="Gdansk plan 2026"):
    if template_page is None:
        template_page = template(library())
    organisation = organisation or OrganisationFactory()
    user = user or member(organisation)
    return services.plan_create(template=template_page, organisation=organisation, user=user, title=title)


def pairing(mentor: Organisation, mentee: Organisation) -> Pairing:
    return Pairing.objects.create(mentor=mentor, mentee=mentee)
