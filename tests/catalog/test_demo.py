import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication, DeploymentProfile, ITService, Namespace, ProductContract
from catalog.transfer.export import export_document
from catalog.transfer.problems import JsonLocator
from catalog.transfer.structure import check_structure
from config import launcher


def test_the_default_shape_is_the_seed_research_reference_portfolio():
    document = build_demo_document(DemoShape())
    applications = document["applications"]
    assert len(applications) == 300
    assert {len(a["deployments"]) for a in applications} == {2}
    assert len(document["it_services"]) == 6
    deployments = [d for a in applications for d in a["deployments"]]
    assert all(len(d["it_services"]) == 6 and len(d["software_products"]) == 3 for d in deployments)
    assert len({a["name"] for a in applications}) == 300
    assert check_structure(document, JsonLocator())[0] == []


def test_the_demo_document_is_deterministic_per_seed():
    assert build_demo_document(DemoShape(seed=42)) == build_demo_document(DemoShape(seed=42))
    assert build_demo_document(DemoShape(seed=42)) != build_demo_document(DemoShape(seed=43))


def test_the_demo_includes_internal_chargeback_contracts():
    kinds = {c["kind"] for c in build_demo_document(DemoShape())["contracts"]}
    assert kinds == {"vendor", "internal_chargeback"}


SMALL = ["--namespace", "demo", "--apps", "25", "--services", "3", "--seed", "5"]


@pytest.mark.django_db
def test_loading_again_leaves_a_namespace_with_applications_alone(capsys):
    call_command("load_demo_portfolio", *SMALL)
    first_output = capsys.readouterr().out
    namespace = Namespace.objects.get(slug="demo")
    snapshot = export_document(namespace)
    stamps = sorted(BusinessApplication.objects.values_list("updated_at", flat=True))
    call_command("load_demo_portfolio", *SMALL)
    second_output = capsys.readouterr().out
    assert export_document(namespace) == snapshot
    assert sorted(BusinessApplication.objects.values_list("updated_at", flat=True)) == stamps
    assert "applications: 25 created" in first_output
    assert "“demo” already has 25 applications: left as it is (--force loads" in second_output
    assert BusinessApplication.objects.count() == 25 and DeploymentProfile.objects.count() == 50
    assert ITService.objects.count() == 3 and ProductContract.objects.exists()


@pytest.mark.django_db
def test_force_loads_over_an_existing_portfolio_and_reverts_edited_demo_records(capsys):
    call_command("load_demo_portfolio", *SMALL)
    original = BusinessApplication.objects.get(app_id="APP-0001").name
    BusinessApplication.objects.filter(app_id="APP-0001").update(name="Renamed by a user")
    capsys.readouterr()
    call_command("load_demo_portfolio", *SMALL, "--force")
    assert "applications: 0 created, 1 updated, 24 unchanged" in capsys.readouterr().out
    assert BusinessApplication.objects.get(app_id="APP-0001").name == original


@pytest.mark.django_db
def test_the_portfolio_loader_creates_no_user(capsys):
    call_command("load_demo_portfolio", *SMALL)
    assert not get_user_model().objects.exists()
    assert "Demo login" not in capsys.readouterr().out


@pytest.mark.django_db
def test_the_demo_login_is_a_superuser_with_a_warning(capsys, monkeypatch):
    monkeypatch.setenv("PB_DEMO_PASSWORD", "try-it-out-42")
    call_command("load_demo_portfolio", *SMALL, "--demo-login")
    output = capsys.readouterr()
    assert "Demo login: demo / try-it-out-42" in output.out
    assert "is a superuser with a known password, for trying the product" in output.err
    user = get_user_model().objects.get(username="demo")
    assert user.is_superuser and user.check_password("try-it-out-42")
    assert user.memberships.get().role == "admin"


@pytest.mark.django_db
def test_an_edit_to_a_demo_record_survives_the_run_commands_restart(capsys):
    call_command(*launcher.DEMO_LOAD, *SMALL)
    application = BusinessApplication.objects.get(app_id="APP-0001")
    application.name = "Renamed by a user"
    application.save()
    BusinessApplication.objects.filter(app_id="APP-0002").delete()
    call_command(*launcher.DEMO_LOAD, *SMALL)
    assert BusinessApplication.objects.get(app_id="APP-0001").name == "Renamed by a user"
    assert not BusinessApplication.objects.filter(app_id="APP-0002").exists()
    assert get_user_model().objects.get(username="demo").is_superuser


@pytest.mark.django_db
def test_bad_shapes_are_cli_errors():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--services must be between"):
        call_command("load_demo_portfolio", "--services", "99")


def test_the_demo_has_one_machine_for_every_two_deployments_each_running_two():
    document = build_demo_document(DemoShape())
    items = document["infrastructure"]
    deployments = {(a["app_id"], d["name"]) for a in document["applications"] for d in a["deployments"]}
    assert len(items) == len(deployments) // 2 == 300
    assert len({i["name"] for i in items}) == 300
    run = [(r["application"], r["name"]) for i in items for r in i["deployments"]]
    assert len(run) == len(set(run)) and set(run) == deployments
    assert {i["type"] for i in items} >= {"server", "virtual_machine", "cloud_instance"}
    assert all(
        i["manufacturer"] and i["model"] and i["serial_number"] and i["operating_system"] for i in items
    )
    assert any(i["os_license"] for i in items) and all(i["source"] == "demo" for i in items)


@pytest.mark.django_db
def test_the_demo_loads_its_infrastructure_linked_to_deployments(capsys):
    from catalog.models import InfrastructureItem

    call_command("load_demo_portfolio", *SMALL)
    assert "infrastructure: 25 created" in capsys.readouterr().out
    assert InfrastructureItem.objects.count() == 25
    assert DeploymentProfile.objects.filter(infrastructure_items__isnull=True).count() == 0
