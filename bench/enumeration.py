"""Signup and password reset: how long the answer takes for an address with an account and for one
without, with the production password hasher (PBKDF2), the inline task queue and the locmem mailer.

    .venv/bin/python bench/enumeration.py          # BENCH_ROUNDS=15 by default

Prints median / min / max per case, and the same for signup without our equalising hash (allauth's own
behaviour), to show the gap it closes. Not part of the test suite: figures depend on the machine.
"""

import os
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))


def timed(call) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    return elapsed


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from allauth.account.forms import SignupForm as AllauthSignupForm
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from django.urls import reverse

    from accounts.forms import SignupForm
    from tests.factories import UserFactory

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        with override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"], ACCOUNT_RATE_LIMITS=False
        ):
            UserFactory(email="taken@example.org")

            def signup(email):
                data = {
                    "display_name": "Nadia",
                    "email": email,
                    "password1": "tulips-in-kabul-2026",
                    "password2": "tulips-in-kabul-2026",
                    "language": "en",
                }
                return lambda: Client().post(reverse("account_signup"), data)

            def reset(email):
                return lambda: Client().post(reverse("account_reset_password"), {"email": email})

            results = {}
            counter = iter(range(10_000))
            for label, equalised in (("signup", True), ("signup, allauth alone", False)):
                if not equalised:
                    SignupForm.try_save = AllauthSignupForm.try_save
                taken, new = [], []
                for _ in range(ROUNDS):
                    taken.append(timed(signup("taken@example.org")))
                    new.append(timed(signup(f"new{next(counter)}@example.org")))
                results[f"{label}: existing address"] = taken
                results[f"{label}: new address"] = new
            results["password reset: existing address"] = [
                timed(reset("taken@example.org")) for _ in range(ROUNDS)
            ]
            results["password reset: unknown address"] = [
                timed(reset(f"nobody{i}@example.org")) for i in range(ROUNDS)
            ]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"{'case':45} {'median':>8} {'min':>8} {'max':>8}  (seconds, {ROUNDS} rounds)")
    for label, values in results.items():
        print(f"{label:45} {statistics.median(values):8.3f} {min(values):8.3f} {max(values):8.3f}")


if __name__ == "__main__":
    main()
