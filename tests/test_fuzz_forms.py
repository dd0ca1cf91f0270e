"""Fuzzing every form and every list's query string with hypothesis: whatever is posted, no 5xx and nothing
already saved is lost.

The targets are discovered, not listed again: the routes and objects of the authorization matrix
(tests/test_authorization_matrix.py) and its "own data" pages, opened as the person who may use each;
every `<form method="post">` a page shows (its field names read from the HTML) is posted to, and every
page is asked for with generated query strings. The values: text of every script, NUL and control
characters, huge and negative numbers, wrong types, repeated and missing fields; the invitation CSV also
gets files in the wrong encoding, binary files and a list of 100,000 rows.

`FUZZ_EXAMPLES` (default 200) is the number of examples per form, a quarter of it per page's query
string. Each target is one test (one savepoint in the module's transaction, the matrix's world built once
per module); the totals are printed at the end of the module.
"""

import os
import re
from collections import Counter
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning.certificates.models import Certificate
from learning.models import Enrolment, LiveSession, Reflection
from learning.workspace.models import CohortInvitation
from toolkits.models import ActionPlan, PlanComment, PlanSection

from .test_authorization_matrix import MATRIX, OWN_DATA, build_world

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
# Query strings reach fewer branches than forms (a filter, a page number): a quarter of the examples.
QUERY_EXAMPLES = max(EXAMPLES // 4, 1)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
TOTALS = Counter()
# Deleting one's own account is what that form is for: fuzzing it would remove the person who fuzzes.
NOT_FUZZED = {"accounts:delete"}
QUERY_KEYS = ["page", "p", "q", "sort", "ordering", "order", "status", "audience", "filter", "lang", "next"]

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.DOTALL | re.IGNORECASE)
FIELD = re.compile(
    r"<(input|button)\b([^>]*)>()|<(select)\b([^>]*)>(.*?)</select>|<(textarea)\b([^>]*)>(.*?)</textarea>",
    re.DOTALL | re.IGNORECASE,
)
OPTION = re.compile(r"""<option\b[^>]*\bvalue=["']([^"']*)["']""", re.IGNORECASE)


def actor(name: str, w):
    """The person who may use the route `name`: its cohort's trainer, the enrolled trainee, the plan's
    author; staff for the rest of the matrix, and a trainee of their own for "own data" pages."""
    if name.startswith("learning:workspace:") and name != "learning:workspace:invitation":
        return w["cohort"].trainers.first()
    if name.startswith(("learning:", "certificates:")):
        return w["completed"].user if name == "learning:completed" else w["active"].user
    if name.startswith("toolkits:checkin"):
        return w["checkin"].plan.created_by
    if name.startswith("toolkits:"):
        return w["plan"].created_by
    if name in ("network:conversation", "network:reply", "network:conversation_block"):
        return w["active"].user  # one of the conversation's two people: nobody else may open it
    if name == "network:block_remove":
        return w["person_block"].blocker
    if name in OWN_DATA:
        return w["active"].user
    return w["users"]["staff"]


def targets():
    """(name, address builder) of every site route the matrix knows, and of its own-data pages."""
    for name, entry in MATRIX.items():
        yield name, entry
    for name in sorted(OWN_DATA):
        yield name, None


def address_of(name, entry, w):
    return entry.url(w) if entry else reverse(name)


def _attribute(attributes: str, key: str) -> str | None:
    found = re.search(rf"""\b{key}=["']([^"']*)["']""", attributes, re.IGNORECASE)
    return unescape(found.group(1)) if found else None


def fields_of(body: str) -> dict[str, list[str]]:
    """{field name: values the form itself offers} (an input's value, a select's options, a button's)."""
    fields: dict[str, list[str]] = {}
    for match in FIELD.finditer(body):
        groups = match.groups()
        tag, attributes, inner = next(groups[i : i + 3] for i in (0, 3, 6) if groups[i])
        name = _attribute(attributes, "name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        tag = tag.lower()
        if tag == "select":
            values = [unescape(v) for v in OPTION.findall(inner)]
        elif tag == "textarea":
            values = [unescape(inner)]
        else:
            values = [_attribute(attributes, "value") or ("on" if "checkbox" in attributes else "")]
        fields.setdefault(name, [])
        fields[name] += [v for v in values if v not in fields[name]]
    return fields


def posted_forms(html: str, address: str) -> dict[str, dict[str, list[str]]]:
    """{action: {field: offered values}} of the page's POST forms that post to our own site."""
    forms: dict[str, dict[str, list[str]]] = {}
    for attributes, body in FORM.findall(html):
        if "post" not in attributes.lower():
            continue
        action = _attribute(attributes, "action") or address
        if not action.startswith("/") or action.startswith("/admin/"):
            continue
        for name, values in fields_of(body).items():
            known = forms.setdefault(action, {}).setdefault(name, [])
            known += [v for v in values if v not in known]
    return forms


# Values ------------------------------------------------------------------------------------------

# Every script (letters, marks, numbers, symbols, spaces and separators, controls); no lone surrogates,
# which no browser can send as UTF-8.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
CONTROL = st.text(
    st.sampled_from("\x00\x01\x08\x0b\x0c\x1b\x7f\u2028\u2029\ufeff\r\n\t"), min_size=1, max_size=5
)
NUMBER = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, -1, 2**31, 2**63, -(2**63) - 1, 10**100]),
    st.floats(allow_nan=True, allow_infinity=True),
).map(str)
VALUE = st.one_of(
    ANY_TEXT,
    st.tuples(ANY_TEXT, CONTROL, ANY_TEXT).map("".join),
    NUMBER,
    st.sampled_from(
        ["", "on", "true", "null", "[]", "{}", "../../etc/passwd", "<script>x</script>", "' OR 1=1--"]
    ),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
)
FIELD_VALUE = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))  # a field sent twice

CSV_ROWS = st.lists(st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT), max_size=20)
CSV_FILE = st.one_of(
    CSV_ROWS.map(lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass")),
    st.tuples(CSV_ROWS, st.sampled_from(["utf-16", "latin-1", "cp1252", "utf-32", "shift_jis"])).map(
        lambda r: "\n".join(",".join(c) for c in r[0]).encode(r[1], "replace")
    ),
    st.binary(max_size=2000),
    st.just(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
)
HUNDRED_THOUSAND_ROWS = "".join(f"Person {i},person{i}@example.org,en\n" for i in range(100_000)).encode()


def form_data(fields: dict[str, list[str]]):
    """Half the examples: the form as the page offers it with one or two fields spoiled or left out (to
    get past validation into the services); the other half: any of its fields, anything in them."""
    offered = {name: st.sampled_from(values) if values else VALUE for name, values in fields.items()}

    @st.composite
    def mostly_valid(draw):
        data = {name: draw(strategy) for name, strategy in offered.items()}
        for name in draw(st.sets(st.sampled_from(sorted(fields)), max_size=2)) if fields else ():
            if draw(st.booleans()):
                data[name] = draw(FIELD_VALUE)
            else:
                del data[name]
        return data

    anything = st.fixed_dictionaries(
        {}, optional={**dict.fromkeys(fields, FIELD_VALUE), "unexpected": FIELD_VALUE}
    )
    return st.one_of(mostly_valid(), anything)


def query_data():
    return st.dictionaries(st.sampled_from(QUERY_KEYS) | ANY_TEXT.filter(bool), FIELD_VALUE, max_size=4)


# What must survive ---------------------------------------------------------------------------------

KEPT = [
    Enrolment,
    Reflection,
    Certificate,
    PlanSection,
    PlanComment,
    ActionPlan,
    CohortInvitation,
    LiveSession,
]


def saved():
    return {model.__name__: set(model.objects.values_list("pk", flat=True)) for model in KEPT}


def lost(before, after):
    return {name: sorted(before[name] - after[name]) for name in before if before[name] - after[name]}


def client_for(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def check(client, method, address, data):
    before = saved() if method == "post" else None
    response = getattr(client, method)(address, data)
    TOTALS["examples"] += 1
    if response.status_code >= 500:
        TOTALS["server errors"] += 1
    assert response.status_code < 500, (method, address, data, response.status_code)
    gone = lost(before, saved()) if before else None
    assert not gone, (method, address, data, f"lost {gone}")


# The tests -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def _module_world(django_db_setup, django_db_blocker):
    """The matrix's world, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(TestCase.captureOnCommitCallbacks)
        transaction.set_rollback(True)


@pytest.fixture
def world(_module_world, db):
    """Each test runs in a savepoint inside the module's transaction: one form's examples stay together."""
    return _module_world


TARGETS = [name for name, _entry in targets() if name not in NOT_FUZZED]


@pytest.mark.parametrize("name", TARGETS)
def test_no_form_of_the_page_answers_a_server_error_or_loses_data(world, name):
    entry = MATRIX.get(name)
    client = client_for(actor(name, world))
    address = address_of(name, entry, world)
    forms = {}
    page = client.get(address)
    if page.status_code == 200 and "html" in page.get("Content-Type", ""):
        forms = posted_forms(page.content.decode(), address)
    if entry and entry.method == "post":
        sample = entry.data(world) if entry.data else {}
        known = forms.setdefault(address, {})
        for key, value in sample.items():
            values = value if isinstance(value, list) else [value]
            known.setdefault(key, [])
            known[key] += [str(v) for v in values if str(v) not in known[key]]
    if not forms:
        pytest.skip(f"{name}: no form to post to")
    for action, fields in forms.items():
        fuzz_posts(client, action, fields)


def fuzz_posts(client, action, fields):
    @FUZZ
    @given(data=form_data(fields))
    def post(data):
        check(client, "post", action, data)

    post()


@pytest.mark.parametrize("name", TARGETS)
def test_no_query_string_makes_the_page_answer_a_server_error(world, name):
    entry = MATRIX.get(name)
    if entry and entry.method != "get" and name not in OWN_DATA:
        pytest.skip(f"{name}: not a page")
    client = client_for(actor(name, world))
    address = address_of(name, entry, world)
    page = client.get(address)
    if "html" not in page.get("Content-Type", ""):
        pytest.skip(f"{name}: a download, not a list")

    @settings(FUZZ, max_examples=QUERY_EXAMPLES)
    @given(query=query_data())
    def ask(query):
        check(client, "get", address, query)

    ask()


def test_invitation_csv_files_in_any_encoding_or_none_never_answer_a_server_error(world):
    trainer = actor("learning:workspace:invite", world)
    client = client_for(trainer)
    address = reverse("learning:workspace:invite", args=[world["cohort"].pk])

    @FUZZ
    @given(content=CSV_FILE, name=st.sampled_from(["people.csv", "people.xlsx", "people", "péople.CSV"]))
    def upload(content, name):
        check(client, "post", address, {"csv_file": SimpleUploadedFile(name, content)})

    upload()
    huge = client.post(address, {"csv_file": SimpleUploadedFile("people.csv", HUNDRED_THOUSAND_ROWS)})
    assert huge.status_code == 400 and "larger than 256 KB" in huge.content.decode()


@pytest.fixture(scope="module", autouse=True)
def _print_totals(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    line = f"fuzz: {TOTALS['examples']} examples, {TOTALS['server errors']} server errors"
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter and capture:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)
