"""An admin maps HaloITSM's asset types in headless Chromium: the wizard opens on the setup step, the
preview names what will be created, and confirming creates it in the sandbox."""

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.models import Membership
from tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def test_an_admin_maps_one_type_and_has_the_others_created(live_server, page, namespace, halo_server):
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    connection = halo_server.connection(namespace, name="halo")
    server = next(t for t in halo_server.rows("AssetType") if t["name"] == "Server")
    before = len(halo_server.rows("AssetType"))

    log_in(page, live_server.url, "ada", "a-long-password-1")
    page.click("nav >> text=Match")
    page.click("text=halo")
    page.wait_for_selector("h1:has-text('Asset types')")
    assert page.locator("ol.steps li.current").inner_text() == "Asset types"
    # "Software" exists in the demo instance and is suggested; the other two would be created
    software = page.locator("select[name='choice-software'] option:checked").inner_text()
    assert software.startswith("Software (")
    page.select_option("select[name='choice-application_instance']", str(server["id"]))
    page.click("button:has-text('Preview')")

    preview = page.locator("#preview")
    preview.wait_for()
    assert "will create the asset type “Business application”" in preview.inner_text()
    assert "uses the existing asset type “Server”" in preview.inner_text()
    assert len(halo_server.rows("AssetType")) == before  # the preview wrote nothing
    page.click("button:has-text('Create 1 and save')")

    page.wait_for_selector("text=Created 1 asset type and saved the asset types of halo.")
    assert len(halo_server.rows("AssetType")) == before + 1
    connection.refresh_from_db()
    assert connection.options["asset_types"]["application_instance"] == server["id"]
