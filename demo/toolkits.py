"""The demo library (demo/data/toolkits.json): the four Cities Grow cities' toolkits in English and
French with real PDF documents, an action-plan template and the city teams; their plans are demo.plans.
The French pages and themes are translated through wagtail-localize (demo.localize).

Idempotent: everything is looked up by a stable name before it is created.
"""

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Locale

from accounts import roles
from accounts.models import User
from core.pdf import render_pdf
from home.models import HomePage
from toolkits.models import (
    ActionPlanTemplatePage,
    Membership,
    Organisation,
    Theme,
    ToolkitDocument,
    ToolkitIndexPage,
    ToolkitPage,
    ToolkitRelatedPage,
)

from . import plans
from .data import locales, person, publish, read, stable_block_ids
from .localize import translation_save


def _themes(english: Locale, french: Locale, data: dict) -> dict:
    themes = {}
    for spec in data["themes"]:
        theme, _created = Theme.objects.update_or_create(
            slug=spec["slug"], locale=english, defaults={"name": spec["en"]}
        )
        translated = translation_save(
            source_instance=theme, translated=Theme(slug=spec["slug"], name=spec["fr"]), locale=french
        )
        themes[spec["slug"]] = {"en": theme, "fr": translated}
    return themes


def _people(data: dict) -> dict:
    organisations = {}
    for spec in data["organisations"]:
        organisations[spec["key"]], _created = Organisation.objects.update_or_create(
            name=spec["name"],
            defaults={"city": spec["city"], "country": spec["country"], "kind": Organisation.Kind.CITY},
        )
    officials = {}
    group = Group.objects.get(name=roles.CITY_OFFICIALS)
    for spec in data["officials"]:
        organisation = organisations[spec["organisation"]]
        user = person(
            User,
            spec["email"],
            display_name=spec["name"],
            language=spec["language"],
            city=organisation.city,
            country=organisation.country,
            organisation=organisation.name,
        )
        user.groups.add(group)
        Membership.objects.get_or_create(organisation=organisation, user=user)
        officials[spec["email"]] = user
    return {"organisations": organisations, "officials": officials}


def _pdf(title: str, texts: dict) -> bytes:
    steps = "".join(f"<h2>{escape(s['title'])}</h2><p>{escape(s['text'])}</p>" for s in texts["steps"])
    return render_pdf(
        f"<html><head><meta charset='utf-8'><style>body{{font-family:sans-serif}}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(texts['summary'])}</p>{steps}"
        f"<h2>{escape(texts['case_title'])}</h2><p>{escape(texts['case_text'])}</p></body></html>"
    )


def _document(texts: dict) -> Document:
    title = texts["document"]["title"]
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{slugify(title)}.pdf", ContentFile(_pdf(title, texts)), save=False)
        document.save()
    return document


def _body(texts: dict, questions_heading: str) -> list:
    return [
        (
            "steps",
            {
                "heading": texts["steps_heading"],
                "steps": [
                    {"title": s["title"], "text": f"<p>{escape(s['text'])}</p>"} for s in texts["steps"]
                ],
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
        ("questions", {"heading": questions_heading, "questions": texts["questions"]}),
    ]


def _fill_toolkit(page: ToolkitPage, spec: dict, language: str, context: dict) -> ToolkitPage:
    texts = spec[language]
    page.title, page.summary = texts["title"], texts["summary"]
    page.city, page.country, page.audience, page.format = (
        spec["city"],
        spec["country"],
        spec["audience"],
        spec["format"],
    )
    page.body = _body(texts, context["data"]["questions_heading"][language])
    _links(page, spec, language, context)
    page.related_links = [ToolkitRelatedPage(target=context["template"])]
    return stable_block_ids(page, f"toolkit/{spec['key']}")


def _links(page: ToolkitPage, spec: dict, language: str, context: dict) -> None:
    """The toolkit's themes in `language`, and its PDF in every language. The documents are the
    source's, each marked with its language: wagtail-localize's Sync copies them to every translation,
    which lists the reader's language first (toolkits.selectors), so a French toolkit offers its French
    PDF, then the English one, and keeps them through a Sync."""
    page.themes = [context["themes"][slug][language] for slug in spec["themes"]]
    page.organisations = [context["people"]["organisations"][spec["key"]]]
    page.document_links = [
        ToolkitDocument(document=_document(spec[code]), language=code) for code in ("en", "fr")
    ]


def _translate_toolkit(page: ToolkitPage, spec: dict, french: Locale, context: dict) -> None:
    translated = _fill_toolkit(ToolkitPage(slug=page.slug), spec, "fr", context)
    page_fr = translation_save(source_instance=page, translated=translated, locale=french)
    # wagtail-localize leaves a many-to-many alone, so the translation has the English themes it was
    # copied with until it is given the French ones; no Sync takes them back.
    themes = {theme.pk for theme in page_fr.themes.all()}
    page_fr.themes = [context["themes"][slug]["fr"] for slug in spec["themes"]]
    if themes != {theme.pk for theme in page_fr.themes.all()}:
        publish(page_fr)


def _library(home: HomePage, texts: dict) -> ToolkitIndexPage:
    library = ToolkitIndexPage.objects.child_of(home).first()
    if library is None:
        library = ToolkitIndexPage(title=texts["title"], slug="toolkits")
        home.add_child(instance=library)
    library.title, library.intro = texts["title"], texts["intro"]
    return publish(library)


def _template_sections(data: dict, language: str) -> list:
    sections = []
    for spec in data["template"][language]["sections"]:
        value = {k: v for k, v in spec.items() if k != "type"}
        if spec["type"] == "assessment":
            value["low_label"], value["high_label"] = data["assessment_labels"][language]
        if spec["type"] == "free_text":
            value["max_length"] = data["free_text_max_length"]
        sections.append((spec["type"], value))
    return sections


def _template(library: ToolkitIndexPage, data: dict) -> ActionPlanTemplatePage:
    texts = data["template"]["en"]
    template = ActionPlanTemplatePage.objects.child_of(library).first()
    if template is None:
        library.refresh_from_db(fields=["numchild"])
        template = ActionPlanTemplatePage(
            title=texts["title"], slug="city-action-plan", sections=_template_sections(data, "en")
        )
        library.add_child(instance=template)
    template.title, template.intro = texts["title"], texts["intro"]
    template.sections = _template_sections(data, "en")
    return publish(stable_block_ids(template, "template"))


def load(stdout) -> None:
    data = read("toolkits")
    english, french = locales()
    themes = _themes(english, french, data)
    people = _people(data)

    library_en = _library(HomePage.objects.get(locale=english), data["library"]["en"])
    template_en = _template(library_en, data)
    context = {"data": data, "themes": themes, "people": people, "template": template_en}
    toolkits = {}
    for key, spec in data["toolkits"].items():
        library_en.refresh_from_db(fields=["numchild"])
        page = ToolkitPage.objects.child_of(library_en).filter(slug=key).first()
        if page is None:
            page = ToolkitPage(title=key, slug=key, summary="-", city="-", country="BE")
            library_en.add_child(instance=page)
        page.refresh_from_db(fields=["numchild"])
        toolkits[key] = publish(_fill_toolkit(page, {**spec, "key": key}, "en", context))

    for code, texts in data["library"].items():
        if code != "en":
            translated = ToolkitIndexPage(slug=library_en.slug, title=texts["title"], intro=texts["intro"])
            locale = Locale.objects.get(language_code=code)
            translation_save(source_instance=library_en, translated=translated, locale=locale)
    texts = data["template"]["fr"]
    translated = ActionPlanTemplatePage(
        slug=template_en.slug,
        title=texts["title"],
        intro=texts["intro"],
        sections=_template_sections(data, "fr"),
    )
    translation_save(source_instance=template_en, translated=translated, locale=french)
    for key, page in toolkits.items():
        _translate_toolkit(page, {**data["toolkits"][key], "key": key}, french, context)

    plans.load(template_en, toolkits, people)
    stdout.write(
        f"  toolkits: library with {len(toolkits)} toolkits in English and French, an action-plan template, "
        f"{len(people['organisations'])} city teams (logins: "
        + ", ".join(spec["email"] for spec in data["officials"])
        + f"), a mentor pairing and {len(read('plans')['plans'])} plans"
    )
