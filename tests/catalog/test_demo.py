import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication, DeploymentProfile, ITService, Namespace, ProductContract
from catalog.transfer.export import export_document
from catalog.transfer.problems import JsonLocator
from catalog.transfer.structure import check_structure


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


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_creates_a_working_login(capsys):
    options = ["--namespace", "demo", "--apps", "25", "--services", "3", "--seed", "5"]
    call_command("load_demo_portfolio", *options)
    first_output = capsys.readouterr().out
    namespace = Namespace.objects.get(slug="demo")
    snapshot = export_document(namespace)
    stamps = sorted(BusinessApplication.objects.values_list("updated_at", flat=True))
    call_command("load_demo_portfolio", *options)
    second_output = capsys.readouterr().out
    assert export_document(namespace) == snapshot
    assert sorted(BusinessApplication.objects.values_list("updated_at", flat=True)) == stamps
    assert "applications: 25 created" in first_output
    assert "applications: 0 created, 0 updated, 25 unchanged" in second_output
    assert BusinessApplication.objects.count() == 25 and DeploymentProfile.objects.count() == 50
    assert ITService.objects.count() == 3 and ProductContract.objects.exists()
    assert "Demo login: demo / demo-portfolio" in second_output
    user = get_user_model().objects.get(username="demo")
    assert user.check_password("demo-portfolio") and user.memberships.get().role == "admin"


@pytest.mark.django_db
def test_bad_shapes_are_cli_errors():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--services must be between"):
        call_command("load_demo_portfolio", "--services", "99")
