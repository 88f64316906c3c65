"""`manage.py pipeline_token create|list|revoke`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pipelines.models import PipelineToken
from pipelines.tokens import hash_secret

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("pipeline_token", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_create_prints_the_secret_once_and_list_never_shows_it(namespace):
    secret = run("create", "--namespace", "acme", "--name", "ci", "--scope", "changes_read_all").strip()
    token = PipelineToken.objects.get(name="ci")
    assert secret.startswith("pbt_") and token.key_hash == hash_secret(secret)
    assert token.scope == "changes_read_all"
    listed = run("list", "--namespace", "acme")
    assert "ci" in listed and token.prefix in listed and secret not in listed and "active" in listed


def test_revoke(namespace):
    run("create", "--namespace", "acme", "--name", "ci")
    assert "revoked" in run("revoke", "--namespace", "acme", "--name", "ci")
    assert PipelineToken.objects.get(name="ci").revoked_at is not None
    assert "revoked" in run("list", "--namespace", "acme")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("create", "--namespace", "nowhere", "--name", "ci"), "No namespace"),
        (("create", "--namespace", "acme"), "needs --name"),
        (("revoke", "--namespace", "acme", "--name", "ghost"), "no token named"),
    ],
)
def test_mistakes_are_command_errors(namespace, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_second_token_of_the_same_name_is_refused(namespace):
    run("create", "--namespace", "acme", "--name", "ci")
    with pytest.raises(CommandError, match="already has a token"):
        run("create", "--namespace", "acme", "--name", "ci")
