"""`manage.py webhook register|test --connection C [--namespace N]`: generate the connection's webhook
credentials and register its endpoint in the target (`--base-url`: this server's address as the target
reaches it), printing the credentials once; or ask the target for a test delivery."""

from django.core.management.base import BaseCommand, CommandError

from integrations.management.commands.connection import find_connection
from sync import webhooks
from sync.subscribe import SubscribeRefused


class Command(BaseCommand):
    help = "Register a connection's webhook endpoint in its target, or send a test event."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["register", "test"])
        parser.add_argument("--connection", required=True)
        parser.add_argument("--namespace")
        parser.add_argument("--base-url", help="for register: e.g. http://127.0.0.1:8000")

    def handle(self, *args, **options) -> None:
        connection = find_connection(options["connection"], options["namespace"])
        if options["action"] == "test":
            try:
                webhooks.send_test(connection)
            except SubscribeRefused as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write("Test event requested.")
            return
        base = (options["base_url"] or "").strip()
        if not base.startswith(("http://", "https://")):
            raise CommandError("--base-url must be this server's http(s) address, e.g. http://127.0.0.1:8000")
        credentials, not_registered = webhooks.register_at(connection, base)
        self.stdout.write(f"User name: {credentials.username}\nPassword: {credentials.password}")
        if not_registered:
            raise CommandError(f"Credentials generated but not registered in the target: {not_registered}")
        self.stdout.write("Registered in the target.")
