import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from catalog.choices import LIFECYCLE_PAIRS, ContractKind
from tests.factories import (
    BusinessApplicationFactory,
    ContactFactory,
    DeploymentProfileFactory,
    NamespaceFactory,
    ProductContractFactory,
    SoftwareProductFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stage", "status"), [(s, st) for s, statuses in LIFECYCLE_PAIRS.items() for st in statuses]
)
def test_every_csdm_lifecycle_pair_is_valid(stage, status):
    app = BusinessApplicationFactory.build(
        namespace=NamespaceFactory(), lifecycle_stage=stage, lifecycle_status=status
    )
    app.full_clean()


@pytest.mark.parametrize(
    ("stage", "status"),
    [("Ideation", "In Use"), ("Operational", "Retired"), ("End of Life", "Pilot"), ("Design", "Obsolete")],
)
def test_an_invalid_lifecycle_pair_is_a_validation_error(stage, status):
    app = BusinessApplicationFactory.build(
        namespace=NamespaceFactory(), lifecycle_stage=stage, lifecycle_status=status
    )
    with pytest.raises(ValidationError) as raised:
        app.full_clean()
    assert "lifecycle_status" in raised.value.message_dict
    assert f"stage “{stage}”" in raised.value.message_dict["lifecycle_status"][0]


def test_app_id_and_name_are_unique_per_namespace_only():
    first = BusinessApplicationFactory(app_id="APP-0042", name="LegalEdge")
    duplicate = BusinessApplicationFactory.build(
        namespace=first.namespace, app_id="APP-0042", name="LegalEdge"
    )
    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean()
    assert len(raised.value.messages) == 2
    BusinessApplicationFactory.build(
        namespace=NamespaceFactory(), app_id="APP-0042", name="LegalEdge"
    ).full_clean()


@pytest.mark.parametrize("app_id", ["42", "APP_0042", "APP-", "-0042", "APP-00A2"])
def test_app_id_format_is_checked(app_id):
    with pytest.raises(ValidationError):
        BusinessApplicationFactory.build(namespace=NamespaceFactory(), app_id=app_id).full_clean()


def test_names_must_be_single_line():
    with pytest.raises(ValidationError):
        BusinessApplicationFactory.build(namespace=NamespaceFactory(), name="Two\nlines").full_clean()


def test_contract_end_cannot_precede_start_and_cost_needs_currency():
    contract = ProductContractFactory.build(
        namespace=NamespaceFactory(),
        supplier=None,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2025, 12, 31),
        annual_cost=Decimal("100.00"),
        currency="",
    )
    with pytest.raises(ValidationError) as raised:
        contract.full_clean()
    assert set(raised.value.message_dict) == {"end_date", "currency"}


def test_internal_chargeback_contracts_are_not_publishable():
    assert not ProductContractFactory(kind=ContractKind.INTERNAL_CHARGEBACK).is_publishable
    assert ProductContractFactory(kind=ContractKind.VENDOR).is_publishable


def test_software_product_name_and_version_unique_per_namespace():
    product = SoftwareProductFactory(name="Oracle Database", version="19c")
    SoftwareProductFactory.build(
        namespace=product.namespace, name="Oracle Database", version="12c"
    ).full_clean()
    with pytest.raises(ValidationError):
        SoftwareProductFactory.build(
            namespace=product.namespace, name="Oracle Database", version="19c"
        ).full_clean()


def test_contact_email_unique_per_namespace():
    contact = ContactFactory(email="ada@example.org")
    with pytest.raises(ValidationError):
        ContactFactory.build(namespace=contact.namespace, email="ada@example.org").full_clean()


def test_deployment_names_unique_per_application_and_namespace_follows_application():
    deployment = DeploymentProfileFactory(name="LegalEdge — Prod")
    twin = DeploymentProfileFactory.build(
        application=deployment.application, namespace=deployment.namespace, name="LegalEdge — Prod"
    )
    with pytest.raises(ValidationError):
        twin.full_clean()
    stray = DeploymentProfileFactory.build(application=deployment.application, namespace=NamespaceFactory())
    with pytest.raises(ValidationError):
        stray.full_clean()


def test_primary_keys_are_uuids_used_as_correlation_ids():
    app = BusinessApplicationFactory()
    assert len(str(app.pk)) == 36
