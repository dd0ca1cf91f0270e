import shutil

import pytest


@pytest.fixture(autouse=True)
def _media(request, settings, tmp_path):
    # Uploaded test documents go to a folder of their own, removed after each test; the demo is loaded
    # once per module (tests/conftest.py), so its documents stay where they were written.
    if "demo" in request.fixturenames:
        yield
        return
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def team(db):
    """A city with two officials, a peer city with a reviewer, a stranger city, and a plan in draft."""
    from tests.toolkits import factories as f

    index = f.library()
    template_page = f.template(index)
    gdansk = f.OrganisationFactory(name="City of Gdansk")
    lisbon = f.OrganisationFactory(name="City of Lisbon")
    dresden = f.OrganisationFactory(name="City of Dresden")
    marta = f.member(gdansk, display_name="Marta")
    piotr = f.member(gdansk, display_name="Piotr")
    ana = f.member(lisbon, display_name="Ana")
    uwe = f.member(dresden, display_name="Uwe")
    plan = f.plan(template_page, gdansk, marta)
    return {
        "index": index,
        "template": template_page,
        "gdansk": gdansk,
        "lisbon": lisbon,
        "dresden": dresden,
        "marta": marta,
        "piotr": piotr,
        "ana": ana,
        "uwe": uwe,
        "plan": plan,
    }


@pytest.fixture(autouse=True)
def _run_on_commit(monkeypatch):
    # Each test runs in one rolled-back transaction, so after-commit work (notification tasks) would never
    # run: run it at once instead.
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
