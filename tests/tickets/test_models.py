"""A pair's own checks: each connection of the right platform and of the pair's namespace, a valid
mapping whose conflict policy the pair keeps; the link table's one-ticket-one-link rule."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.tickets.conftest import glpi_connection
from tickets.mapping import default_mapping_text
from tickets.models import ConflictState, TicketConflict, TicketPair


def errors_of(pair: TicketPair) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        pair.full_clean()
    return caught.value.message_dict


def test_a_valid_pair_keeps_the_mappings_conflict_policy(namespace, glpi, snow):
    mapping = default_mapping_text().replace("conflict_policy: newer_wins", "conflict_policy: manual")
    pair = TicketPair(namespace=namespace, name="helpdesk", glpi=glpi, servicenow=snow, mapping=mapping)
    pair.full_clean()
    assert pair.conflict_policy == "manual"
    assert pair.parsed_mapping().conflict_policy == "manual"


def test_connections_of_the_wrong_platform_are_refused(namespace, glpi, snow):
    pair = TicketPair(
        namespace=namespace, name="x", glpi=snow, servicenow=glpi, mapping=default_mapping_text()
    )
    errors = errors_of(pair)
    assert errors["glpi"] == ["Choose a GLPI connection; “snow” is not one."]
    assert errors["servicenow"] == ["Choose a ServiceNow connection; “glpi” is not one."]


def test_connections_of_another_namespace_are_refused(namespace, other_namespace, snow):
    theirs = glpi_connection(other_namespace, name="their-glpi")
    pair = TicketPair(
        namespace=namespace, name="x", glpi=theirs, servicenow=snow, mapping=default_mapping_text()
    )
    assert errors_of(pair) == {"glpi": ["“their-glpi” belongs to another namespace."]}


def test_a_bad_mapping_is_a_field_error_with_line_and_key(namespace, glpi, snow):
    mapping = default_mapping_text().replace("conflict_policy: newer_wins", "conflict_policy: coin_toss")
    pair = TicketPair(namespace=namespace, name="x", glpi=glpi, servicenow=snow, mapping=mapping)
    [message] = errors_of(pair)["mapping"]
    line = default_mapping_text().splitlines().index("conflict_policy: newer_wins") + 1
    assert (
        message == f"line {line}, conflict_policy: use one of newer_wins, glpi_wins, servicenow_wins, manual."
    )


def test_a_ticket_is_linked_once_per_pair_and_side(pair):
    pair.links.create(glpi_id=7, servicenow_sys_id="a" * 32, servicenow_number="INC0010001")
    for duplicate in (
        {"glpi_id": 7, "servicenow_sys_id": "b" * 32},
        {"glpi_id": 8, "servicenow_sys_id": "a" * 32},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            pair.links.create(**duplicate)
    assert pair.links.count() == 1


def test_one_open_conflict_per_field_of_a_link(pair):
    link = pair.links.create(glpi_id=7, servicenow_sys_id="a" * 32)
    first = TicketConflict.objects.create(
        pair=pair, link=link, field="name", glpi_value="A", servicenow_value="B"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        TicketConflict.objects.create(
            pair=pair, link=link, field="name", glpi_value="C", servicenow_value="D"
        )
    first.state = ConflictState.RESOLVED
    first.save()
    TicketConflict.objects.create(pair=pair, link=link, field="name", glpi_value="C", servicenow_value="D")
    assert pair.conflicts.filter(state=ConflictState.OPEN).count() == 1


def test_deleting_a_connection_deletes_its_pairs_not_a_500(admin_client, pair, glpi):
    """The connection's delete page (which names no pair) must not fail on a protected row."""
    from django.urls import reverse

    response = admin_client.post(reverse("integrations:connection_delete", args=["acme", glpi.pk]))
    assert response.status_code == 302
    assert not TicketPair.objects.filter(pk=pair.pk).exists()
