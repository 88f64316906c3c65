"""A NUL byte in any request parameter is refused with 400 before a view runs."""

import pytest
from django.urls import reverse

from catalog.models import ITService

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["q=%00", "sort=na%00me", "page=%00", "x%00=1"])
def test_a_nul_byte_in_the_query_string_is_a_bad_request(editor_client, query):
    response = editor_client.get(reverse("catalog:application_list", args=["acme"]) + "?" + query)
    assert response.status_code == 400 and b"NUL bytes are not allowed" in response.content


def test_a_nul_byte_in_posted_data_is_refused_and_nothing_is_written(editor_client):
    response = editor_client.post(reverse("catalog:itservice_add", args=["acme"]), {"name": "Host\x00ing"})
    assert response.status_code == 400 and not ITService.objects.exists()
    editor_client.post(
        reverse("catalog:itservice_add", args=["acme"]), {"name": "Hosting", "scope": "shared"}
    )
    assert ITService.objects.filter(name="Hosting").exists()
