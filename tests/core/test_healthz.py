import pytest
from django.db import OperationalError, connection


@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content.decode().splitlines() == ["ok", "database: ok", "cache: ok"]


@pytest.mark.django_db
def test_healthz_is_503_without_details_when_the_database_is_down(client, monkeypatch):

    def broken_cursor(*args, **kwargs):
        raise OperationalError("could not connect to server: secret-host:5432")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"secret-host" not in response.content
    assert response.content.decode().splitlines()[:2] == ["unavailable", "database: unavailable"]


@pytest.mark.django_db
def test_healthz_answers_a_load_balancer_probing_by_ip_address(client, settings):
    settings.ALLOWED_HOSTS = ["learning.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200
