"""Demo toolkits: the library with the four Cities Grow cities (English and French, real PDF documents),
an action-plan template, the city teams, a mentor pairing and three plans (draft, shared, published).

Idempotent: everything is looked up by a stable name before it is created. No e-mail is sent: shares and
comments are demo facts, written directly rather than through the services that notify people.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale

from accounts import roles
from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from home.models import HomePage

from . import services
from .demo_content import LIBRARY, OFFICIALS, ORGANISATIONS, TEMPLATE, THEMES, TOOLKITS
from .models import (
    ActionPlan,
    ActionPlanTemplatePage,
    Membership,
    Organisation,
    Pairing,
    PlanComment,
    PlanShare,
    Theme,
    ToolkitDocument,
    ToolkitIndexPage,
    ToolkitPage,
    ToolkitRelatedPage,
)

# Printed by `make run` (manage.py demo_logins): each city team's logins, beside the role accounts
# (city@example.org, one of them, is already there).
LOGINS = [
    ("city team", email)
    for email, _name, _organisation, _language in OFFICIALS
    if email != "city@example.org"
]


def _publish(page):
    page.save_revision().publish()
    return page


def _translation(page, locale):
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return page.copy_for_translation(locale, copy_parents=True).specific


def _themes(english: Locale, french: Locale) -> dict:
    themes = {}
    for slug, name_en, name_fr in THEMES:
        theme, _created = Theme.objects.update_or_create(
            slug=slug, locale=english, defaults={"name": name_en}
        )
        translated = theme.get_translation_or_none(french)
        if translated is None:
            translated = theme.copy_for_translation(french)
        translated.name = name_fr
        translated.save()
        themes[slug] = (theme, translated)
    return themes


def _people() -> dict:
    organisations = {}
    for key, name, city, country in ORGANISATIONS:
        organisations[key], _created = Organisation.objects.update_or_create(
            name=name, defaults={"city": city, "country": country, "kind": Organisation.Kind.CITY}
        )
    officials = {}
    group = Group.objects.get(name=roles.CITY_OFFICIALS)
    for email, name, key, language in OFFICIALS:
        organisation = organisations[key]
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "language": language,
                "city": organisation.city,
                "country": organisation.country,
                "organisation": organisation.name,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Membership.objects.get_or_create(organisation=organisation, user=user)
        officials.setdefault(key, []).append(user)
    return {"organisations": organisations, "officials": officials}


def _pdf(title: str, texts: dict) -> bytes:
    from core.pdf import render_pdf

    steps = "".join(f"<h2>{escape(t)}</h2><p>{escape(body)}</p>" for t, body in texts["steps"])
    return render_pdf(
        f"<html><head><meta charset='utf-8'><style>body{{font-family:sans-serif}}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(texts['summary'])}</p>{steps}"
        f"<h2>{escape(texts['case_title'])}</h2><p>{escape(texts['case_text'])}</p></body></html>"
    )


def _document(texts: dict) -> Document:
    title, _language = texts["document"]
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{slugify(title)}.pdf", ContentFile(_pdf(title, texts)), save=False)
        document.save()
    return document


def _body(texts: dict) -> list:
    return [
        (
            "steps",
            {
                "heading": texts["steps_heading"],
                "steps": [{"title": t, "text": f"<p>{escape(b)}</p>"} for t, b in texts["steps"]],
            },
        ),
        (
            "case_study",
            {
                "title": texts["case_title"],
                "city": "",
                "text": f"<p>{escape(texts['case_text'])}</p>",
                "lesson": texts["lesson"],
            },
        ),
        ("questions", {"heading": "?", "questions": texts["questions"]}),
    ]


def _fill_toolkit(page: ToolkitPage, key: str, language: str, context: dict) -> ToolkitPage:
    data = TOOLKITS[key]
    texts = data[language]
    page.refresh_from_db(fields=["numchild"])
    page.title, page.summary = texts["title"], texts["summary"]
    page.city, page.country, page.audience, page.format = (
        data["city"],
        data["country"],
        data["audience"],
        data["format"],
    )
    page.body = _body(texts)
    page.body[2].value["heading"] = {"en": "Questions for your city", "fr": "Questions pour votre ville"}[
        language
    ]
    index = 0 if language == "en" else 1
    page.themes = [context["themes"][slug][index] for slug in data["themes"]]
    page.organisations = [context["people"]["organisations"][key]]
    documents = [(_document(data[language]), language)]
    if language == "fr":
        documents.append((_document(data["en"]), "en"))
    page.document_links = [ToolkitDocument(document=d, language=lang) for d, lang in documents]
    page.related_links = [ToolkitRelatedPage(target=context["template"])]
    return _publish(page)


def _library(home: HomePage, language: str) -> ToolkitIndexPage:
    library = ToolkitIndexPage.objects.child_of(home).first()
    if library is None:
        library = ToolkitIndexPage(title=LIBRARY[language][0], slug="toolkits")
        home.add_child(instance=library)
    library.title, library.intro = LIBRARY[language]
    return _publish(library)


def _template_sections(language: str) -> list:
    sections = []
    for kind, title, guidance, *extra in TEMPLATE[language]["sections"]:
        value = {"title": title, "guidance": guidance}
        if kind == "questions":
            value["questions"] = extra[0]
        if kind == "assessment":
            value["statements"] = extra[0]
            value["low_label"], value["high_label"] = {
                "en": ("Not yet", "Fully in place"),
                "fr": ("Pas encore", "Pleinement en place"),
            }[language]
        if kind == "free_text":
            value["max_length"] = 5000
        sections.append((kind, value))
    return sections


def _template(library: ToolkitIndexPage) -> ActionPlanTemplatePage:
    template = ActionPlanTemplatePage.objects.child_of(library).first()
    if template is None:
        library.refresh_from_db(fields=["numchild"])
        template = ActionPlanTemplatePage(
            title=TEMPLATE["en"]["title"], slug="city-action-plan", sections=_template_sections("en")
        )
        library.add_child(instance=template)
    template.title, template.intro = TEMPLATE["en"]["title"], TEMPLATE["en"]["intro"]
    template.sections = _template_sections("en")
    return _publish(template)


def _section(plan: ActionPlan, kind: str):
    section = next(s for s in plan.sections.all() if plan.template_snapshot[s.position]["type"] == kind)
    section.plan = plan
    return section


def _write(plan: ActionPlan, user, kind: str, content: dict) -> None:
    section = _section(plan, kind)
    if section.version == 0:
        services.section_save(section=section, user=user, content=content, base_version=0)


def _plan(template, organisation, user, title: str, toolkit=None) -> tuple[ActionPlan, bool]:
    existing = ActionPlan.objects.filter(organisation=organisation, title=title).first()
    if existing:
        return existing, False
    return services.plan_create(
        template=template, organisation=organisation, user=user, title=title, toolkit=toolkit
    ), True


def _plans(template, toolkits: dict, people: dict) -> None:
    orgs, officials = people["organisations"], people["officials"]
    marta, piotr = officials["gdansk"]
    gdansk, _new = _plan(
        template, orgs["gdansk"], marta, "Gdańsk: welcoming Ukrainian families in schools", toolkits["gdansk"]
    )
    _write(
        gdansk,
        marta,
        "free_text",
        {
            "text": (
                "Since 2022 our schools have welcomed more than 4,000 Ukrainian pupils. "
                "Intercultural assistants work in 40 schools, but parents still struggle "
                "to reach teachers and after-school activities."
            )
        },
    )
    _write(
        gdansk,
        piotr,
        "actions",
        {
            "rows": [
                {
                    "action": "Hire ten more intercultural assistants",
                    "owner": "Education department",
                    "partners": "Immigrant Council",
                    "start": "2026-09-01",
                    "end": "2027-06-30",
                    "budget": "180000",
                    "indicator": "Schools with an assistant",
                    "target": "60 schools",
                },
                {
                    "action": "Parent evenings in Ukrainian and Russian",
                    "owner": "School heads",
                    "partners": "NGO Nomada",
                    "start": "2026-10-01",
                    "end": "2027-05-31",
                    "budget": "12000",
                    "indicator": "Parents attending",
                    "target": "1,500 parents",
                },
            ]
        },
    )

    jens = officials["dresden"][0]
    hannah = officials["brighton"][0]
    dresden, created = _plan(
        template, orgs["dresden"], jens, "Dresden: fair access to city services", toolkits["dresden"]
    )
    _write(
        dresden,
        jens,
        "free_text",
        {
            "text": (
                "Residents without German report that they give up on appointments at the "
                "foreigners' authority and the housing office. "
                "Testing in 2025 found five barriers in online forms alone."
            )
        },
    )
    _write(
        dresden,
        jens,
        "goals",
        {
            "rows": [
                {
                    "goal": "Remove language barriers from online appointment forms",
                    "indicator": "Forms tested",
                    "target": "All 12 forms",
                    "relevance": "First contact for most newcomers",
                    "deadline": "2026-12-31",
                },
            ]
        },
    )
    if created:
        PlanShare.objects.get_or_create(
            plan=dresden, organisation=orgs["brighton"], defaults={"shared_by": jens}
        )
        dresden.status = ActionPlan.Status.SHARED
        dresden.save(update_fields=["status"])
        section = _section(dresden, "goals")
        PlanComment.objects.create(
            plan=dresden,
            section=section,
            author=hannah,
            author_organisation=orgs["brighton"],
            body="Could residents who tested the forms check the new ones too? Our champions did this in "
            "Brighton and found problems we had missed.",
        )
        resolved = PlanComment.objects.create(
            plan=dresden,
            section=_section(dresden, "free_text"),
            author=hannah,
            author_organisation=orgs["brighton"],
            body="Which five barriers? A short list would help peers.",
        )
        resolved.resolved_at, resolved.resolved_by = timezone.now(), jens
        resolved.save(update_fields=["resolved_at", "resolved_by"])

    ines = officials["lisbon"][0]
    lisbon, created = _plan(
        template,
        orgs["lisbon"],
        ines,
        "Lisbon: support for migrant entrepreneurs 2026-2028",
        toolkits["lisbon"],
    )
    _write(
        lisbon,
        ines,
        "free_text",
        {
            "text": (
                "One in five new businesses in Lisbon is started by a migrant. Most close "
                "within two years, often because of licences and rent. "
                "Our support centres will follow each new entrepreneur for a year."
            )
        },
    )
    _write(
        lisbon,
        ines,
        "actions",
        {
            "rows": [
                {
                    "action": "Open a second support centre in Arroios",
                    "owner": "Economic development",
                    "partners": "Diaspora business associations",
                    "start": "2026-03-01",
                    "end": "2026-12-31",
                    "budget": "250000",
                    "indicator": "Entrepreneurs supported",
                    "target": "400 a year",
                },
            ]
        },
    )
    _write(
        lisbon,
        ines,
        "risks",
        {
            "rows": [
                {
                    "risk": "Mentors drop out",
                    "likelihood": "medium",
                    "impact": "high",
                    "mitigation": "Pay a small fee and train mentors in groups",
                },
            ]
        },
    )
    if created:
        lisbon.status, lisbon.published_at = ActionPlan.Status.PUBLISHED, timezone.now()
        lisbon.save(update_fields=["status", "published_at"])

    Pairing.objects.get_or_create(
        mentor=orgs["lisbon"],
        mentee=orgs["gdansk"],
        defaults={"theme": Theme.objects.get(slug="education", locale__language_code="en")},
    )


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    french, _created = Locale.objects.get_or_create(language_code="fr")
    themes = _themes(english, french)
    people = _people()

    library_en = _library(HomePage.objects.get(locale=english), "en")
    template_en = _template(library_en)
    toolkits = {}
    for key in TOOLKITS:
        library_en.refresh_from_db(fields=["numchild"])
        page = ToolkitPage.objects.child_of(library_en).filter(slug=key).first()
        if page is None:
            page = ToolkitPage(title=key, slug=key, summary="-", city="-", country="BE")
            library_en.add_child(instance=page)
        context = {"themes": themes, "people": people, "template": template_en}
        toolkits[key] = _fill_toolkit(page, key, "en", context)

    library_fr = _translation(library_en, french)
    library_fr.title, library_fr.intro = LIBRARY["fr"]
    _publish(library_fr)
    template_fr = _translation(template_en, french)
    template_fr.title, template_fr.intro = TEMPLATE["fr"]["title"], TEMPLATE["fr"]["intro"]
    template_fr.sections = _template_sections("fr")
    _publish(template_fr)
    for key, page in toolkits.items():
        _fill_toolkit(
            _translation(page, french),
            key,
            "fr",
            {"themes": themes, "people": people, "template": template_en},
        )

    _plans(template_en, toolkits, people)
    stdout.write(
        f"  toolkits: library with {len(toolkits)} toolkits in English and French, an action-plan template, "
        f"{len(people['organisations'])} city teams (logins: "
        + ", ".join(email for email, *_rest in OFFICIALS)
        + "), a mentor pairing and 3 plans"
    )
