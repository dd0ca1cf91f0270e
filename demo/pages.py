"""The demo site: its home page, about, privacy and terms pages in English, French, Arabic and Ukrainian
(translated through wagtail-localize, demo.localize), and the footer (demo/data/pages.json)."""

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from home.models import FooterSettings, HomePage, StandardPage

from .data import publish, read, stable_block_ids
from .localize import translation_save


def _standard_page(parent: Page, texts: dict, *, slug: str) -> StandardPage:
    page = parent.get_children().type(StandardPage).filter(slug=slug).specific().first()
    if page is None:
        page = StandardPage(title=texts["title"], slug=slug, locale=parent.locale)
        parent.add_child(instance=page)
    return publish(_fill_standard(page, texts))


def _fill_standard(page: StandardPage, texts: dict) -> StandardPage:
    page.title, page.intro = texts["title"], texts["intro"]
    page.body = [("paragraph", f"<p>{texts['paragraph']}</p>")]
    return stable_block_ids(page, f"standard/{page.slug}")


def _fill_home(home: HomePage, texts: dict, about: StandardPage) -> HomePage:
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
    return stable_block_ids(home, "home")


def load(stdout) -> None:
    data = read("pages")
    english = Locale.objects.get(language_code="en")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = data["hostname"], data["port"], data["site_name"]
    site.save()
    home_en = HomePage.objects.get(locale=english)
    texts_en = data["home"]["en"]

    about_en = _standard_page(home_en, texts_en["about"], slug="about")
    privacy_en = _standard_page(home_en, texts_en["privacy"], slug="privacy")
    terms_en = _standard_page(home_en, texts_en["terms"], slug="terms")
    # Children were added through other instances since this one was loaded: publishing a stale tree
    # position (numchild) would hide them from routing.
    home_en.refresh_from_db(fields=["numchild"])
    publish(_fill_home(home_en, texts_en, about_en))

    # Every language the data is written in, through wagtail-localize. The home page first: the others
    # are its children. Its slug is the one wagtail-localize gives a root-level copy; it appears in no
    # address. A page's address is its own where the data gives one (Arabic and Ukrainian, in Latin
    # letters), else made from its title.
    for code, texts in data["home"].items():
        if code == "en":
            continue
        locale = Locale.objects.get(language_code=code)
        home = HomePage(slug=f"{home_en.slug}-{code}")
        translation_save(source_instance=home_en, translated=_fill_home(home, texts, about_en), locale=locale)
        for page, key in ((about_en, "about"), (privacy_en, "privacy"), (terms_en, "terms")):
            slug = texts[key].get("slug") or slugify(texts[key]["title"])
            translated = _fill_standard(StandardPage(slug=slug), texts[key])
            translation_save(source_instance=page, translated=translated, locale=locale)

    footer = FooterSettings.for_site(site)
    for name, value in data["footer"].items():
        setattr(footer, name, value)
    footer.links = [("link", {"page": page, "label": ""}) for page in (about_en, privacy_en, terms_en)]
    footer.save()
    languages = ", ".join(code for code in data["home"] if code != "en")
    stdout.write(f"  home: home, about, privacy and terms pages in English and {languages}; footer")
