"""The pair pages: create and edit with a YAML textarea or an upload, a bad mapping shown with its line
and key (never a 500, nothing saved), login and admin role required, CSRF on changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tickets.mapping import default_mapping_text
from tickets.models import TicketPair
from tickets.yaml_lines import MAX_BYTES


def add_url() -> str:
    return reverse("tickets:pair_add", args=["acme"])


def form_data(glpi_connection, snow_connection, **changes) -> dict:
    return {
        "name": "helpdesk",
        "glpi": glpi_connection.pk,
        "servicenow": snow_connection.pk,
        "enabled": "on",
        "mapping": default_mapping_text(),
        **changes,
    }


def test_the_add_form_starts_from_the_default_mapping(admin_client, glpi, snow):
    response = admin_client.get(add_url())
    assert response.status_code == 200
    assert "conflict_policy: newer_wins" in response.content.decode()


def test_an_admin_adds_a_pair(admin_client, glpi, snow):
    response = admin_client.post(add_url(), form_data(glpi, snow))
    pair = TicketPair.objects.get(name="helpdesk")
    assert response.status_code == 302
    assert response.url == reverse("tickets:pair_detail", args=["acme", pair.pk])
    assert (pair.glpi, pair.servicenow, pair.conflict_policy) == (glpi, snow, "newer_wins")
    page = admin_client.get(response.url).content.decode()
    assert "none: the first run reads every ticket in scope" in page


def test_a_bad_mapping_shows_its_line_and_key_and_saves_nothing(admin_client, glpi, snow):
    mapping = default_mapping_text().replace("    direction: both\n", "    direction: both ways\n", 1)
    line = mapping.splitlines().index("    direction: both ways") + 1
    response = admin_client.post(add_url(), form_data(glpi, snow, mapping=mapping))
    assert response.status_code == 200
    assert (
        f"line {line}, fields[0].direction: use one of glpi_to_sn, sn_to_glpi, both."
        in response.content.decode()
    )
    assert not TicketPair.objects.exists()


def test_a_mapping_writing_servicenow_priority_is_refused_on_the_page(admin_client, pair):
    mapping = pair.mapping.replace("servicenow: urgency", "servicenow: priority")
    response = admin_client.post(
        reverse("tickets:pair_edit", args=["acme", pair.pk]),
        form_data(pair.glpi, pair.servicenow, mapping=mapping),
    )
    assert "ServiceNow computes priority from impact and urgency" in response.content.decode()
    pair.refresh_from_db()
    assert "servicenow: priority" not in pair.mapping


def test_an_uploaded_mapping_replaces_the_text(admin_client, pair):
    text = default_mapping_text().replace("conflict_policy: newer_wins", "conflict_policy: glpi_wins")
    upload = SimpleUploadedFile("mine.yaml", text.encode(), content_type="application/x-yaml")
    data = form_data(pair.glpi, pair.servicenow, mapping="ignored: when a file is given", mapping_file=upload)
    response = admin_client.post(reverse("tickets:pair_edit", args=["acme", pair.pk]), data)
    assert response.status_code == 302
    pair.refresh_from_db()
    assert (pair.mapping, pair.conflict_policy) == (text, "glpi_wins")


@pytest.mark.parametrize(
    ("name", "body", "says"),
    [
        ("big.yaml", b"#" * (MAX_BYTES + 1), "larger than 64 KB"),
        ("mapping.txt", b"version: 1\n", "Upload a .yaml or .yml file."),
        ("latin.yaml", "caf\xe9: 1\n".encode("latin-1"), "not UTF-8"),
        ("bad.yaml", b"version: 1\nfields: [\n", "not valid YAML"),
    ],
)
def test_a_bad_upload_is_a_form_error(admin_client, pair, name, body, says):
    data = form_data(pair.glpi, pair.servicenow, mapping_file=SimpleUploadedFile(name, body))
    response = admin_client.post(reverse("tickets:pair_edit", args=["acme", pair.pk]), data)
    assert response.status_code == 200
    assert says in response.content.decode()
    pair.refresh_from_db()
    assert pair.mapping == default_mapping_text()


def test_the_form_offers_only_this_namespaces_connections_of_each_platform(
    admin_client, other_namespace, glpi, snow
):
    from tests.tickets.conftest import glpi_connection

    theirs = glpi_connection(other_namespace, name="their-glpi")
    response = admin_client.post(add_url(), form_data(glpi, snow, glpi=theirs.pk))
    assert "Select a valid choice" in response.content.decode()
    response = admin_client.post(add_url(), form_data(glpi, snow, servicenow=glpi.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not TicketPair.objects.exists()


def test_a_duplicate_name_is_a_form_error(admin_client, pair):
    response = admin_client.post(add_url(), form_data(pair.glpi, pair.servicenow))
    assert "Another pair of this namespace has this name." in response.content.decode()


def test_viewers_see_pairs_but_cannot_change_them(viewer_client, pair):
    assert viewer_client.get(reverse("tickets:pair_detail", args=["acme", pair.pk])).status_code == 200
    assert "helpdesk" in viewer_client.get(reverse("tickets:pair_list", args=["acme"])).content.decode()
    for name in ("pair_edit", "pair_discover"):
        assert viewer_client.get(reverse(f"tickets:{name}", args=["acme", pair.pk])).status_code == 403
    assert viewer_client.get(add_url()).status_code == 403


def test_other_namespaces_pairs_are_not_found(client, other_namespace, pair):
    from catalog.choices import Role
    from tests.conftest import member

    client.force_login(member(other_namespace, Role.ADMIN))
    assert client.get(reverse("tickets:pair_detail", args=["acme", pair.pk])).status_code == 404
    assert client.get(reverse("tickets:pair_detail", args=["globex", pair.pk])).status_code == 404


def test_login_and_csrf_are_required(pair, admin_client):
    url = reverse("tickets:pair_edit", args=["acme", pair.pk])
    assert Client().get(url).status_code == 302
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(pair.namespace.memberships.get().user)  # the admin_client's user
    data = form_data(pair.glpi, pair.servicenow, name="renamed")
    assert checked.post(url, data).status_code == 403
    assert checked.post(reverse("tickets:pair_discover", args=["acme", pair.pk])).status_code == 403
    pair.refresh_from_db()
    assert pair.name == "helpdesk"
