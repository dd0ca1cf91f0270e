"""The signing key: made by a command outside the repository, read from the environment, never overwritten."""

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from learning.certificates import credentials, keys


def test_the_command_writes_a_private_key_once(tmp_path):
    path = tmp_path / "signing.pem"

    call_command("certificate_keys", output=str(path))

    assert path.stat().st_mode & 0o777 == 0o600
    assert b"PRIVATE KEY" in path.read_bytes()
    with pytest.raises(CommandError, match="exists already"):
        call_command("certificate_keys", output=str(path))


def test_the_command_refuses_to_write_inside_the_project(settings):
    with pytest.raises(CommandError, match="outside the project"):
        call_command("certificate_keys", output=str(settings.BASE_DIR / "signing.pem"))


def test_a_key_given_as_pem_text_signs(settings):
    pem = keys.generate_pem()
    settings.CERTIFICATE_SIGNING_KEY = pem.decode()
    public = serialization.load_pem_private_key(pem, password=None).public_key()

    token = credentials.sign({"name": "x"}, kid="did:web:example.org#key-1")

    assert credentials.verify(token, public_key=public) == {"name": "x"}


def test_without_a_configured_key_production_refuses_to_sign(settings):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = ""

    with pytest.raises(ImproperlyConfigured):
        credentials.sign({"name": "x"}, kid="k")


def _without_a_key(settings):
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = ""
    settings.CERTIFICATE_SIGNING_KEY_AUTOCREATE = False


def test_the_deploy_check_reports_a_missing_key(settings):
    from learning.certificates.checks import signing_key_is_configured

    assert signing_key_is_configured() == []
    _without_a_key(settings)

    errors = signing_key_is_configured()

    assert [error.id for error in errors] == ["learning.E001"]
    assert "certificate_keys" in errors[0].hint


@pytest.mark.django_db
def test_without_a_key_the_published_documents_answer_503_not_500(client, settings):
    _without_a_key(settings)

    for address in ("/.well-known/did.json", "/credentials/status/1"):
        response = client.get(address)
        assert response.status_code == 503, address
        assert "Temporarily unavailable" in response.content.decode()
