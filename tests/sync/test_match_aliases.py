"""A namespace's matching aliases (issue 19): learned from a confirmed match the wizard had not
pre-selected, used next time, undone by an admin; the aliases page and `manage.py match aliases` refuse
bad input with a clear message."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import aliases, wizard
from sync.models import MatchAlias, MatchChoice
from tests.conftest import member
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db
SERVICES = wizard.Step.of(MATCH_SOURCES[0])


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=4, services=10, seed=3)))
    conn = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    wizard.pull_targets(conn, SERVICES)
    return conn


def rows(connection):
    return {r.name: r for r in wizard.build_rows(connection, SERVICES)}


def target_named(connection, name):
    return next(t for t in wizard.targets(connection, SERVICES) if t.name == name)


def test_a_match_the_wizard_had_not_suggested_is_learned_used_and_undone(connection, namespace):
    cyber = rows(connection)["Cybersecurity Operations"]
    assert cyber.decision == "create"  # only suggested: "Security Operations Center" scores below the line
    soc = target_named(connection, "Security Operations Center")
    user = member(namespace, Role.ADMIN)
    wizard.save_choices(connection, SERVICES, {cyber.local_id: ("match", soc.target_id)}, user)
    alias = MatchAlias.objects.get(namespace=namespace)
    assert (alias.kind, alias.phrase, alias.means, alias.learned, alias.created_by) == (
        "it_service",
        "Cybersecurity Operations",
        "Security Operations Center",
        True,
        user,
    )
    MatchChoice.objects.all().delete()  # as for a record seen for the first time
    again = rows(connection)["Cybersecurity Operations"]
    assert again.decision == "match" and again.choice_target_id == soc.target_id
    assert again.why[0] == "your alias: Cybersecurity Operations = Security Operations Center"
    aliases.remove(namespace, alias.pk)
    assert rows(connection)["Cybersecurity Operations"].decision == "create"


def test_confirming_a_suggestion_or_choosing_another_tier_learns_nothing(connection, namespace):
    found = rows(connection)
    silver = target_named(connection, "Database Services - Silver")
    network = found["Network Infrastructure"]
    wizard.save_choices(
        connection,
        SERVICES,
        {
            found["Database Services"].local_id: ("match", silver.target_id),
            network.local_id: ("match", network.choice_target_id),
        },
    )
    assert not MatchAlias.objects.exists()


def test_confirming_a_retired_record_learns_nothing(connection, namespace, sandbox):
    (old,) = sandbox.table("service_offering", sysparm_query="name=Security Operations Center")
    sandbox.patch(f"/api/now/table/service_offering/{old['sys_id']}", json={"install_status": "7"})
    wizard.pull_targets(connection, SERVICES)
    cyber = rows(connection)["Cybersecurity Operations"]
    assert cyber.decision == "create" and old["sys_id"] in [c.target_id for c in cyber.candidates]
    wizard.save_choices(connection, SERVICES, {cyber.local_id: ("match", old["sys_id"])})
    assert MatchChoice.objects.filter(target_id=old["sys_id"]).exists()
    assert not MatchAlias.objects.exists()  # an alias would find it before a live successor next time


def test_aliases_page_adds_lists_and_undoes(admin_client, connection, namespace):
    url = reverse("sync:match_aliases", args=["acme"])
    page = admin_client.get(url).content.decode()
    assert "<h1>Matching aliases</h1>" in page and "None yet." in page
    response = admin_client.post(
        url, {"kind": "it_service", "phrase": "Cyber Ops", "means": "Security Operations Center"}
    )
    assert response.status_code == 302
    alias = MatchAlias.objects.get(phrase="Cyber Ops")
    assert not alias.learned
    page = admin_client.get(url).content.decode()
    assert "Cyber Ops" in page and "Undo the alias Cyber Ops = Security Operations Center" in page
    step = reverse("sync:match_step", args=["acme", connection.pk, SERVICES.slug])
    assert "Cyber Ops" in admin_client.get(step).content.decode()  # the step's own card
    undo = reverse("sync:match_alias_remove", args=["acme", alias.pk])
    assert admin_client.get(undo).status_code == 405
    response = admin_client.post(undo, {"next": step})
    assert response.status_code == 302 and response["Location"] == step
    assert not MatchAlias.objects.exists()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"kind": "it_service", "phrase": "", "means": "Network Services"}, "This field is required."),
        ({"kind": "it_service", "phrase": "!!", "means": "Network Services"}, "needs at least one letter"),
        ({"kind": "it_service", "phrase": "network services", "means": "Network Services"}, "already read"),
        ({"kind": "printer", "phrase": "Ops", "means": "Operations"}, "Select a valid choice."),
        ({"kind": "it_service", "phrase": "x" * 201, "means": "Network Services"}, "at most 200 characters"),
    ],
)
def test_aliases_page_refuses_bad_input(admin_client, namespace, form, message):
    response = admin_client.post(reverse("sync:match_aliases", args=["acme"]), form)
    assert response.status_code == 400 and message in response.content.decode()
    assert not MatchAlias.objects.exists()


def test_undo_is_only_for_this_namespace_and_only_back_to_this_site(admin_client, namespace, other_namespace):
    theirs = aliases.add(other_namespace, "it_service", "Cyber Ops", "Security Operations Center")
    response = admin_client.post(
        reverse("sync:match_alias_remove", args=["acme", theirs.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("sync:match_aliases", args=["acme"])
    assert MatchAlias.objects.filter(pk=theirs.pk).exists()


def test_aliases_are_for_admins(client, namespace):
    client.force_login(member(namespace, Role.EDITOR))
    assert client.get(reverse("sync:match_aliases", args=["acme"])).status_code == 403


def test_match_aliases_command(namespace, capsys):
    call_command(
        "match",
        "aliases",
        "--namespace",
        "acme",
        "--add",
        "Postgres DB=PostgreSQL",
        "--kind",
        "software_products",
    )
    alias = MatchAlias.objects.get()
    assert (alias.kind, alias.phrase, alias.means) == ("software_product", "Postgres DB", "PostgreSQL")
    call_command("match", "aliases", "--namespace", "acme")
    assert f"{alias.pk}\tsoftware_product\tPostgres DB = PostgreSQL\tadded" in capsys.readouterr().out
    call_command("match", "aliases", "--namespace", "acme", "--remove", str(alias.pk))
    assert not MatchAlias.objects.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["aliases"], "needs --namespace"),
        (["aliases", "--namespace", "nope"], "No namespace 'nope'"),
        (["aliases", "--namespace", "acme", "--add", "Postgres"], "--add takes PORTFOLIO=TARGET"),
        (["aliases", "--namespace", "acme", "--add", "A=", "--kind", "it_services"], "at least one letter"),
        (["aliases", "--namespace", "acme", "--remove", "99"], "No alias 99"),
        (["aliases", "--namespace", "acme", "--remove", "x"], "No alias x"),
        (["--namespace", "acme", "--add", "A=B"], "go with `match aliases`"),
        (["--namespace", "acme"], "--connection and one of --kind or --setup are required"),
    ],
)
def test_match_aliases_command_refuses_bad_input(namespace, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("match", *arguments)
