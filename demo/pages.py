"""The demo site: its home page, about, privacy and terms pages in English and French, and the footer
(demo/data/pages.json)."""

from django.utils.text import slugify
from wagtail.models import Page, Site

from home.models import FooterSettings, HomePage, StandardPage

from .data import locales, publish, read, translation


def _standard_page(parent: Page, texts: dict, *, slug: str) -> StandardPage:
    page = parent.get_children().type(StandardPage).filter(slug=slug).specific().first()
    if page is None:
        page = StandardPage(title=texts["title"], slug=slug, locale=parent.locale)
        parent.add_child(instance=page)
    _fill_standard(page, texts)
    return page


def _fill_standard(page: StandardPage, texts: dict) -> None:
    page.title, page.intro = texts["title"], texts["intro"]
    page.body = [("paragraph", f"<p>{texts['paragraph']}</p>")]
    publish(page)


def _fill_home(home: HomePage, texts: dict, about: StandardPage) -> None:
    # Children were added through other instances since this one was loaded: publishing a stale tree
    # position (numchild) would hide them from routing.
    home.refresh_from_db(fields=["numchild"])
    home.title = texts["title"]
    home.hero_heading = texts["hero_heading"]
    home.hero_intro = texts["hero_intro"]
    home.hero_links = [("link", {"page": about, "label": texts["about"]["title"]})]
    home.body = [
        (
            "cards",
            {
                "heading": texts["programmes_heading"],
                "intro": texts["programmes_intro"],
                "cards": texts["cards"],
            },
        ),
        ("figures", {"heading": texts["figures_heading"], "figures": texts["figures"]}),
    ]
    publish(home)


def load(stdout) -> None:
    data = read("pages")
    english, french = locales()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = data["hostname"], data["port"], data["site_name"]
    site.save()
    home_en = HomePage.objects.get(locale=english)
    texts_en, texts_fr = data["home"]["en"], data["home"]["fr"]

    about_en = _standard_page(home_en, texts_en["about"], slug="about")
    privacy_en = _standard_page(home_en, texts_en["privacy"], slug="privacy")
    terms_en = _standard_page(home_en, texts_en["terms"], slug="terms")
    _fill_home(home_en, texts_en, about_en)

    home_fr = translation(home_en, french)
    about_fr = translation(about_en, french)
    privacy_fr = translation(privacy_en, french)
    terms_fr = translation(terms_en, french)
    for page, texts in (
        (about_fr, texts_fr["about"]),
        (privacy_fr, texts_fr["privacy"]),
        (terms_fr, texts_fr["terms"]),
    ):
        page.slug = slugify(texts["title"])
        _fill_standard(page, texts)
    _fill_home(home_fr, texts_fr, about_fr)

    footer = FooterSettings.for_site(site)
    for name, value in data["footer"].items():
        setattr(footer, name, value)
    footer.links = [("link", {"page": page, "label": ""}) for page in (about_en, privacy_en, terms_en)]
    footer.save()
    stdout.write("  home: home, about, privacy and terms pages in English and French; footer")
