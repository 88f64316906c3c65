"""What the wizard pages tell an admin: that nothing is pulled yet, the candidates' details, the score
of a saved match, a warning before leaving unsaved changes, and titles that keep "IT" in capitals."""

import pytest
from django.urls import reverse

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import wizard
from sync.models import MatchChoice
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db
SERVICES, PRODUCTS = (wizard.Step.of(source) for source in MATCH_SOURCES)


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=4, services=10, seed=3)))
    return ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )


def step_url(connection, step) -> str:
    return reverse("sync:match_step", args=["acme", connection.pk, step.slug])


def test_step_titles_keep_it_in_capitals():
    assert SERVICES.noun == "IT services" and PRODUCTS.noun == "software products"


def test_before_a_pull_the_page_says_nothing_has_been_pulled(admin_client, connection):
    page = admin_client.get(step_url(connection, SERVICES)).content.decode()
    assert "<h1>Match IT services</h1>" in page and "Confirm IT services" in page
    assert "Nothing has been pulled from snow yet." in page and "nothing pulled yet" in page
    assert "suggested</span>" not in page
    assert 'data-busy="Pulling…"' in page and "data-unsaved-warning" in page
    wizard.pull_targets(connection, SERVICES)
    page = admin_client.get(step_url(connection, SERVICES)).content.decode()
    assert "Nothing has been pulled" not in page and 'data-dirty="true"' not in page
    assert "20 <code>service_offering</code> records pulled just now." in page


def test_a_previewed_bulk_action_counts_as_unsaved(admin_client, connection):
    wizard.pull_targets(connection, SERVICES)
    page = admin_client.get(step_url(connection, SERVICES), {"accept_above": "90"}).content.decode()
    assert '<form method="post" id="choices" data-unsaved-warning data-dirty="true">' in page


def test_a_pull_and_a_save_say_how_many_in_words(admin_client, connection):
    pulled = admin_client.post(
        reverse("sync:match_pull", args=["acme", connection.pk, SERVICES.slug]), follow=True
    ).content.decode()
    assert "Pulled 20 service_offering records from snow." in pulled
    saved = admin_client.post(step_url(connection, SERVICES), follow=True).content.decode()
    assert '<li class="msg-info">Saved 0 choices for IT services.</li>' in saved


def test_search_results_are_listed_with_details_and_a_button(admin_client, connection):
    wizard.pull_targets(connection, PRODUCTS)
    row = wizard.build_rows(connection, PRODUCTS)[0]
    url = reverse("sync:match_search", args=["acme", connection.pk, PRODUCTS.slug])
    html = admin_client.get(url, {"q": "oracle database 12", "row": row.local_id}).content.decode()
    oracle = next(t for t in wizard.targets(connection, PRODUCTS) if t.name == "Oracle Database 12c")
    assert "<option" not in html
    assert "<strong>Oracle Database 12c</strong> 12c · Oracle · <code>" in html
    assert (
        f'href="{connection.base_url}/nav_to.do?uri=cmdb_software_product_model.do?sys_id={oracle.target_id}"'
        in html
    )
    assert (
        f'data-choose="match:{oracle.target_id}"' in html and f'data-select="decision-{row.local_id}"' in html
    )
    assert "No pulled target record" in admin_client.get(url, {"q": "zzzz"}).content.decode()


def test_a_saved_match_keeps_its_score_and_shows_the_chosen_records_details(admin_client, connection):
    wizard.pull_targets(connection, SERVICES)
    rows = {r.name: r for r in wizard.build_rows(connection, SERVICES)}
    suggested = rows["Database Services"]
    assert suggested.score
    form = {f"decision-{suggested.local_id}": f"match:{suggested.choice_target_id}"}
    admin_client.post(step_url(connection, SERVICES), form)
    choice = MatchChoice.objects.get(record_id=suggested.local_id)
    assert choice.score == suggested.score
    again = {r.name: r for r in wizard.build_rows(connection, SERVICES)}["Database Services"]
    assert again.confirmed and again.score == suggested.score
    page = admin_client.get(step_url(connection, SERVICES)).content.decode()
    gold = next(t for t in wizard.targets(connection, SERVICES) if t.target_id == suggested.choice_target_id)
    number = dict(gold.details)["Number"]
    assert number.startswith("SVO") and dict(gold.details)["Classification"] == "Technical Service"
    assert f'<span title="Number">{number}</span>' in page  # the chosen record's details
    assert (
        f"— {suggested.score}% · same name apart from case, punctuation or tier · {number} · "
        "Technical Service</option>" in page
    )  # each candidate's reason (issue 19) and details
    assert "Why: same name apart from case, punctuation or tier</div>" in page  # the chosen one's
    assert f'<td class="num">{suggested.score}%</td>' in page
    assert f"<code>{suggested.choice_target_id}</code>" in page and "open in snow" in page


def test_the_summary_marks_the_steps_nothing_was_pulled_for(admin_client, connection):
    wizard.pull_targets(connection, SERVICES)
    page = admin_client.get(reverse("sync:match_summary", args=["acme", connection.pk])).content.decode()
    assert page.count('<span class="badge">nothing pulled yet</span>') == 1
    assert 'Software products</a> <span class="badge">nothing pulled yet' in page
