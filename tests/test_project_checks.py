"""The project's own health: deploy checks, migrations, settings that refuse to start unsafely."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x7#k2p!q9z@w4m8r1t6y3u0i5o2p7a9s4d1f6g8h3j5k0l2z4x6c8v1b3n5m7q9",
    "ALLOWED_HOSTS": "learning.example.org",
    "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    # A key made for this run only: production never makes one up (see learning/certificates/keys.py).
    "CERTIFICATE_SIGNING_KEY": Ed25519PrivateKey.generate()
    .private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    .decode(),
    "CERTIFICATE_JWT_KEY": ec.generate_private_key(ec.SECP256R1())
    .private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    .decode(),
}


def manage(*args, env_overrides=None):
    dropped = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "EMAIL_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "CERTIFICATE_SIGNING_KEY",
        "CERTIFICATE_SIGNING_KEY_FILE",
        "CERTIFICATE_JWT_KEY",
        "CERTIFICATE_JWT_KEY_FILE",
    }
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_overrides or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_has_no_demo_loader_even_when_the_setting_allows_it():
    # The demo's passwords are public: its app (and so `load_demo`) is installed by dev and test only.
    result = manage("load_demo", env_overrides={**PRODUCTION_ENV, "DEMO_CONTENT_ALLOWED": "true"})

    assert result.returncode != 0
    assert "Unknown command: 'load_demo'" in result.stderr


def test_check_deploy_fails_without_a_certificate_signing_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CERTIFICATE_SIGNING_KEY"}

    result = manage("check", "--deploy", env_overrides=env)

    assert result.returncode != 0
    assert "learning.E001" in result.stderr + result.stdout


def test_check_deploy_fails_without_the_jwt_signing_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CERTIFICATE_JWT_KEY"}

    result = manage("check", "--deploy", env_overrides=env)

    assert result.returncode != 0
    assert "learning.E002" in result.stderr + result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL"])
def test_production_refuses_to_start_without_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = manage("check", env_overrides=env)

    assert result.returncode != 0
    assert missing in result.stderr


def test_no_model_change_is_missing_a_migration():
    result = manage(
        "makemigrations",
        "--check",
        "--dry-run",
        env_overrides={"DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_every_app_of_the_project_but_the_demo_is_in_the_installed_package():
    """`pip install .` ships only the packages pyproject lists: an app left out is missing in production."""
    import tomllib

    from django.apps import apps

    include = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    listed = {pattern.rstrip("*") for pattern in include["include"]}

    def top_folder(config) -> str:
        # A folder of the project itself (the virtualenv may live inside it too, as `make` makes it).
        path = Path(config.path).resolve()
        return path.relative_to(ROOT).parts[0] if path.is_relative_to(ROOT) else ""

    ours = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if top_folder(config) == config.name.split(".")[0]
    }
    assert ours - {"demo"} <= listed, f"missing from pyproject's packages: {sorted(ours - {'demo'} - listed)}"
    assert "demo" not in listed
