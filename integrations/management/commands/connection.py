"""`manage.py connection add|edit|list|test|remove` — connections for automation. Secrets come from the
environment (PB_PASSWORD, PB_CLIENT_SECRET; GLPI: PB_APP_TOKEN plus PB_USER_TOKEN or PB_PASSWORD) or a
prompt, never from arguments. `--ca-bundle FILE` reads
the file's PEM certificates into the connection (the server never keeps the path)."""

import getpass
import os
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalog.models import Namespace
from integrations.base.errors import TargetError
from integrations.base.platform import platforms
from integrations.base.trust import MAX_CA_BUNDLE_BYTES, clean_pem
from integrations.models import AuthMethod, Connection, Platform, SyncDirection
from integrations.services import connection_test

AUTH_CHOICES = [m.value for m in AuthMethod]


def find_connection(name: str, namespace: str | None) -> Connection:
    """A connection by name (and namespace when the name is not unique); CommandError otherwise."""
    matches = Connection.objects.filter(name=name).select_related("namespace")
    if namespace:
        matches = matches.filter(namespace__slug=namespace)
    found = list(matches[:2])
    if not found:
        raise CommandError(
            f"No connection “{name}”" + (f" in namespace “{namespace}”." if namespace else ".")
        )
    if len(found) > 1:
        raise CommandError(f"Several namespaces have a connection “{name}”; add --namespace SLUG.")
    return found[0]


def read_ca_bundle(path: str) -> str:
    """The PEM text of a CA file given on the command line (checked later with the connection)."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_CA_BUNDLE_BYTES:
            raise CommandError(f"{path} is larger than {MAX_CA_BUNDLE_BYTES // 1000} kB; it is no CA bundle.")
        return clean_pem(file.read_bytes().decode("ascii"))
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not a PEM file (PEM is plain text).") from None
    except OSError as exc:
        raise CommandError(f"No CA bundle at {path} ({exc.strerror}).") from None


def save(connection: Connection) -> None:
    try:
        connection.full_clean()
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items())
        raise CommandError(f"Invalid connection: {problems}") from None
    connection.save()


class Command(BaseCommand):
    help = "Add, list, test or remove connections to target instances."

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser(
            "add", help="create a connection (secrets from PB_PASSWORD / PB_CLIENT_SECRET or a prompt)"
        )
        add.add_argument("--namespace", required=True)
        add.add_argument("--name", required=True)
        add.add_argument("--platform", choices=sorted(platforms()), default=Platform.SERVICENOW)
        add.add_argument(
            "--url", required=True, help="the instance (HaloITSM: the resource server; GLPI: the API URL)"
        )
        add.add_argument(
            "--auth", choices=AUTH_CHOICES, help="required for ServiceNow; HaloITSM uses client credentials"
        )
        add.add_argument("--username", default="", help="GLPI: sign in with this login and PB_PASSWORD")
        add.add_argument(
            "--entity", type=int, default=None, help="GLPI: the id of the entity to publish into (default 0)"
        )
        add.add_argument("--client-id", default="")
        add.add_argument(
            "--auth-url", default="", help="HaloITSM: the authorisation server (default: from /api/authinfo)"
        )
        add.add_argument("--tenant", default="", help="HaloITSM: the tenant (default: from /api/authinfo)")
        add.add_argument("--ca-bundle", default="", help="PEM file of the CA to trust (e.g. ca.pem)")
        add.add_argument(
            "--direction",
            choices=SyncDirection.values,
            default=SyncDirection.PUBLISH,
            help="publish, subscribe (pull back) or both (default publish)",
        )
        add.add_argument("--if-missing", action="store_true", help="do nothing if the connection exists")
        edit = actions.add_parser("edit", help="change a connection's address or CA bundle")
        edit.add_argument("name")
        edit.add_argument("--namespace")
        edit.add_argument("--url")
        edit.add_argument("--entity", type=int, help="GLPI: the id of the entity to publish into")
        trust = edit.add_mutually_exclusive_group()
        trust.add_argument("--ca-bundle", help="PEM file of the CA to trust (its content is stored)")
        trust.add_argument("--no-ca-bundle", action="store_true", help="trust the system's CAs again")
        listing = actions.add_parser("list", help="list connections")
        listing.add_argument("--namespace")
        for action in ("test", "remove"):
            sub = actions.add_parser(action, help=f"{action} a connection")
            sub.add_argument("name")
            sub.add_argument("--namespace")

    def handle(self, *args, **options) -> None:
        getattr(self, f"handle_{options['action']}")(options)

    def secret(self, variable: str, label: str, may_be_empty: bool = False) -> str:
        value = os.environ.get(variable, "")
        if value or (may_be_empty and variable in os.environ):
            return value
        if not sys.stdin.isatty():
            raise CommandError(
                f"Set {variable} (the {label}) in the environment; secrets are never taken as arguments."
            )
        return getpass.getpass(f"{label}: ")

    def handle_add(self, options) -> None:
        namespace = Namespace.objects.filter(slug=options["namespace"]).first()
        if namespace is None:
            raise CommandError(f"No namespace “{options['namespace']}”.")
        if (
            options["if_missing"]
            and Connection.objects.filter(namespace=namespace, name=options["name"]).exists()
        ):
            self.stdout.write(f"Connection “{options['name']}” already exists.")
            return
        auth = self.auth_method(options)
        platform = platforms()[options["platform"]]
        try:
            settings = platform.options(self.platform_options(options))
        except ValueError as exc:
            raise CommandError(f"Invalid connection: {exc}") from None
        connection = Connection(
            namespace=namespace,
            name=options["name"],
            platform=options["platform"],
            instance_url=platform.instance_url(options["url"]),
            auth_method=auth,
            username=options["username"],
            client_id=options["client_id"],
            ca_bundle=read_ca_bundle(options["ca_bundle"]) if options["ca_bundle"] else "",
            sync_direction=options["direction"],
            options=settings.as_dict() if options["platform"] != Platform.SERVICENOW else {},
        )
        if auth in (AuthMethod.BASIC, AuthMethod.OAUTH_PASSWORD):
            connection.password = self.secret("PB_PASSWORD", "password")
        if auth in (AuthMethod.OAUTH_PASSWORD, AuthMethod.OAUTH_CLIENT_CREDENTIALS):
            connection.client_secret = self.secret("PB_CLIENT_SECRET", "client secret")
        if auth == AuthMethod.USER_TOKEN:
            connection.refresh_token = self.secret("PB_USER_TOKEN", "GLPI user token")
        if options["platform"] == Platform.GLPI:  # the App-Token; set but empty: the API client has none
            connection.client_secret = self.secret("PB_APP_TOKEN", "GLPI App-Token", may_be_empty=True)
        save(connection)
        self.stdout.write(f"Added connection “{connection.name}” in namespace “{namespace.slug}”.")

    @staticmethod
    def auth_method(options) -> str:
        """HaloITSM takes client credentials only; GLPI a user token, or a login with --username;
        ServiceNow needs the method said."""
        auth = options["auth"]
        if options["platform"] == Platform.GLPI:
            chosen = AuthMethod.BASIC if options["username"] else AuthMethod.USER_TOKEN
            if auth not in (None, chosen) or options["client_id"]:
                raise CommandError(
                    "GLPI connections sign in with a user token (PB_USER_TOKEN), or with --username and "
                    "PB_PASSWORD: leave out --auth and --client-id."
                )
            return chosen
        if options["platform"] == Platform.HALOITSM:
            if auth not in (None, AuthMethod.OAUTH_CLIENT_CREDENTIALS):
                raise CommandError(
                    "HaloITSM connections sign in with an API application's client ID and secret: "
                    "leave out --auth (or give oauth_client_credentials)."
                )
            if options["username"]:
                raise CommandError("HaloITSM connections take no --username: give --client-id.")
            if not options["client_id"]:
                raise CommandError("Give --client-id (the Halo API application's client ID).")
            return AuthMethod.OAUTH_CLIENT_CREDENTIALS
        if auth is None:
            raise CommandError(f"Give --auth ({', '.join(AUTH_CHOICES)}).")
        return auth

    @staticmethod
    def platform_options(options) -> dict:
        given = {"auth_url": options["auth_url"], "tenant": options["tenant"]}
        entity = {} if options["entity"] is None else {"entity_id": options["entity"]}
        if entity and options["platform"] != Platform.GLPI:
            raise CommandError("--entity is for GLPI connections only.")
        if options["platform"] == Platform.HALOITSM:
            return given
        if any(given.values()):
            raise CommandError("--auth-url and --tenant are for HaloITSM connections only.")
        return entity

    def handle_edit(self, options) -> None:
        connection = find_connection(options["name"], options["namespace"])
        platform = platforms().get(connection.platform)
        if options["url"]:
            connection.instance_url = platform.instance_url(options["url"]) if platform else options["url"]
        if options["entity"] is not None:
            if connection.platform != Platform.GLPI:
                raise CommandError("--entity is for GLPI connections only.")
            try:
                chosen = platform.options({**connection.options, "entity_id": options["entity"]})
            except ValueError as exc:
                raise CommandError(f"Invalid connection: {exc}") from None
            connection.options = {**connection.options, **chosen.as_dict()}
        if options["ca_bundle"]:
            connection.ca_bundle = read_ca_bundle(options["ca_bundle"])
        elif options["no_ca_bundle"]:
            connection.ca_bundle = ""
        save(connection)
        self.stdout.write(f"Saved connection “{connection.name}”.")

    def handle_list(self, options) -> None:
        connections = Connection.objects.select_related("namespace").order_by("namespace__slug", "name")
        if options["namespace"]:
            connections = connections.filter(namespace__slug=options["namespace"])
        for c in connections:
            state = "active" if c.is_active else "inactive"
            self.stdout.write(
                f"{c.namespace.slug}\t{c.name}\t{c.platform}\t{c.instance_url}\t{c.auth_method}\t{state}"
            )

    def handle_test(self, options) -> None:
        connection = find_connection(options["name"], options["namespace"])
        try:
            checks = connection_test(connection)
        except (TargetError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        for check in checks:
            self.stdout.write(f"{'PASS' if check.ok else 'FAIL'}  {check.name}: {check.message}")
        if not all(c.ok for c in checks):
            raise CommandError(f"{sum(not c.ok for c in checks)} check(s) failed.")

    def handle_remove(self, options) -> None:
        connection = find_connection(options["name"], options["namespace"])
        connection.delete()
        self.stdout.write(f"Removed connection “{connection.name}”.")
