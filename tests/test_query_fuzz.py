"""Hypothesis over the query parameters of every page and over the site's search, filter and decision
forms: never a server error, and a POST that is refused writes nothing.

The pages come from the URLconf (tests/site_pages.py) and each page's parameters are the keys its view
reads from `request.GET` on a plain visit, so a new page or a new parameter is fuzzed without a list."""

import pytest
from django.contrib.messages import get_messages
from django.http import QueryDict
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.models import BusinessApplication, ITService
from integrations.models import Connection
from sync import decisions, diff
from sync.models import MatchChoice, Run, RunItem, SyncMapEntry
from tests.site_pages import fill, make_site, site_pages

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BAD_VALUES = (
    "",
    "²",
    "٣",
    "１２",
    "-1",
    "0",
    "99999999999999999999999",
    "1e3",
    "NaN",
    "errors",
    "decide",
    "xlsx",
    "json",
    "-name",
    "namespace__slug",
    "__class__",
    "'; --",
    "%",
    "\\",
    "\x00",
    "a\x00b",
    "\u202e",
    "a" * 3000,
    "00000000-0000-0000-0000-000000000000",
)
NASTY = st.sampled_from(BAD_VALUES)
VALUES = st.one_of(NASTY, st.text(max_size=20), st.integers(-(10**20), 10**20).map(str))
# Parameters that make the page call the target instance: fuzzing them would time out against nothing.
CALLS_THE_TARGET = {"integrations:connection_fields": {"table"}}


def read_parameters(client, url: str, monkeypatch) -> set[str]:
    """The query parameters a page's view and template read on a plain visit."""
    seen: set[str] = set()
    original_get, original_getitem = QueryDict.get, QueryDict.__getitem__
    original_getlist, original_contains = QueryDict.getlist, QueryDict.__contains__

    def recording(original):
        def read(self, key, *args):
            seen.add(key)
            return original(self, key, *args)

        return read

    with monkeypatch.context() as patch:
        patch.setattr(QueryDict, "get", recording(original_get))
        patch.setattr(QueryDict, "__getitem__", recording(original_getitem))
        patch.setattr(QueryDict, "getlist", recording(original_getlist))
        patch.setattr(QueryDict, "__contains__", recording(original_contains))
        assert client.get(url).status_code == 200
    return seen - {"csrfmiddlewaretoken"}


@pytest.fixture
def site(client, namespace):
    site = make_site(namespace)
    client.force_login(site["admin"])
    return site


def test_the_parameters_of_a_page_are_read_from_its_view(client, site, monkeypatch):
    audit = reverse("sync:run_audit", args=[site["namespace"].slug, site[Run].pk])
    assert {"status", "method", "q", "page", "format"} <= read_parameters(client, audit, monkeypatch)
    apps = reverse("catalog:application_list", args=[site["namespace"].slug])
    assert {"q", "sort", "page", "business_criticality", "environment"} <= read_parameters(
        client, apps, monkeypatch
    )
    infrastructure = reverse("catalog:infrastructure_list", args=[site["namespace"].slug])
    assert {"q", "sort", "page", "item_type", "source"} <= read_parameters(
        client, infrastructure, monkeypatch
    )


def test_no_query_parameter_of_any_page_causes_a_server_error(client, site, monkeypatch):
    fuzzed = set()
    for page in site_pages():
        if not page.gettable or page.skipped:
            continue
        url = fill(page, site)
        parameters = sorted(
            read_parameters(client, url, monkeypatch) - CALLS_THE_TARGET.get(page.name, set())
        )
        if parameters:
            fuzzed.add(page.name)
            sweep_query(client, url, parameters)
            fuzz_query(client, url, parameters)
    assert {"catalog:application_list", "sync:run_list", "sync:run_detail", "sync:run_audit"} <= fuzzed
    assert {"sync:match_step", "sync:match_search", "catalog:contact_list"} <= fuzzed
    assert "catalog:infrastructure_list" in fuzzed


def sweep_query(client, url: str, parameters: list[str]) -> None:
    """Each bad value in every parameter at once: the cases that broke pages before, every time."""
    for value in BAD_VALUES:
        response = client.get(url, dict.fromkeys(parameters, value))
        assert response.status_code < 500, (url, value)
        assert response.status_code == 400 or "\x00" not in value


def fuzz_query(client, url: str, parameters: list[str]) -> None:
    @EXAMPLES
    @given(query=st.dictionaries(st.sampled_from(parameters), VALUES, min_size=1))
    def visit(query):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)
        if any("\x00" in value for value in query.values()):
            assert response.status_code == 400

    visit()


def decision_state() -> dict:
    return {row.pk: (row.decision, dict(row.field_decisions)) for row in RunItem.objects.all()}


def test_posted_decisions_never_fail_and_record_only_valid_ones(client, site):
    run = site[Run]
    url = reverse("sync:run_detail", args=[site["namespace"].slug, run.pk])
    rows = list(run.items.values_list("pk", flat=True))
    row_ids = st.one_of(st.sampled_from([str(pk) for pk in rows]), st.sampled_from(["²", "0", "9" * 30, "x"]))
    keys = st.one_of(
        row_ids.map(lambda row: f"decision-{row}"),
        st.tuples(row_ids, st.sampled_from(["name", "unknown", ""])).map(lambda t: f"field-{t[0]}-{t[1]}"),
        st.text(max_size=12),
    )
    words = st.one_of(st.sampled_from([*decisions.CHOICES, *diff.FIELD_CHOICES]), VALUES)

    @EXAMPLES
    @given(form=st.dictionaries(keys, words, min_size=1, max_size=6))
    def post(form):
        before = decision_state()
        names = list(BusinessApplication.objects.values_list("name", flat=True))
        response = client.post(url, form)
        assert response.status_code in (302, 400), form
        if response.status_code == 400:
            assert decision_state() == before
            assert list(BusinessApplication.objects.values_list("name", flat=True)) == names
        for row in RunItem.objects.filter(run=run):
            if (row.decision, row.field_decisions) != before[row.pk]:
                decisions.check(row, row.decision, row.field_decisions)  # raises if not valid

    post()


def test_refused_matching_choices_write_nothing(client, site):
    connection = site[Connection]
    url = reverse("sync:match_step", args=[site["namespace"].slug, connection.pk, site["step"]])
    service = str(site[ITService].pk)
    keys = st.one_of(
        st.sampled_from([service, "²", "not-a-uuid", "00000000-0000-0000-0000-000000000000"]),
        st.text(max_size=8),
    ).map(lambda record: f"decision-{record}")
    values = st.one_of(st.sampled_from(["create", "skip", "match:", "match:nope", "explode"]), VALUES)

    def state():
        return (
            sorted(MatchChoice.objects.values_list("record_id", "decision", "target_id")),
            sorted(SyncMapEntry.objects.values_list("record_id", "target_id")),
        )

    @EXAMPLES
    @given(form=st.dictionaries(keys, values, min_size=1, max_size=4))
    def post(form):
        before = state()
        client.cookies.pop("messages", None)  # an earlier example's error is no refusal of this one
        response = client.post(url, form)
        assert response.status_code in (302, 400), form
        refused = response.status_code == 400 or any(
            m.level_tag == "error" for m in get_messages(response.wsgi_request)
        )
        if refused:
            assert state() == before, form

    post()


def test_refused_portfolio_forms_write_nothing(client, site):
    """Every add form of the catalog, with arbitrary values: saved (302) or refused with nothing written."""
    for page in site_pages():
        form_class = page.initkwargs.get("form_class")
        if not page.name.startswith("catalog:") or not page.name.endswith("_add") or form_class is None:
            continue
        fuzz_form(client, fill(page, site), form_class)


def fuzz_form(client, url: str, form_class) -> None:
    model = form_class._meta.model

    @EXAMPLES
    @given(form=st.fixed_dictionaries({}, optional=dict.fromkeys(form_class._meta.fields, VALUES)))
    def post(form):
        count = model.objects.count()
        response = client.post(url, form)
        assert response.status_code in (200, 302, 400), (url, form)
        if response.status_code != 302:
            assert model.objects.count() == count, (url, form)

    post()
