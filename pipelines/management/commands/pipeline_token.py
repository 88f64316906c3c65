"""`manage.py pipeline_token create|list|revoke --namespace NS [--name N] [--scope …]` — pipeline tokens
for automation. `create` prints the secret once; `list` never shows it."""

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Namespace
from pipelines.models import PipelineToken, Scope
from pipelines.tokens import TokenError, create_token, revoke_token


class Command(BaseCommand):
    help = "Create, list or revoke the pipeline tokens of a namespace."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["create", "list", "revoke"])
        parser.add_argument("--namespace", required=True, help="the namespace's slug")
        parser.add_argument("--name", default="", help="the token's name (create, revoke)")
        parser.add_argument("--scope", choices=Scope.values, default=Scope.CHANGES)

    def handle(self, *args, action: str, namespace: str, name: str, scope: str, **options) -> None:
        found = Namespace.objects.filter(slug=namespace).first()
        if found is None:
            raise CommandError(f"No namespace “{namespace}”.")
        if action == "list":
            self.list(found)
            return
        if not name:
            raise CommandError(f"{action} needs --name.")
        try:
            if action == "create":
                made = create_token(found, name, scope)
                self.stdout.write(made.secret)
                self.stderr.write(f"Token “{name}” created ({scope}); the secret above is shown only once.")
            else:
                revoke_token(found, name)
                self.stdout.write(f"Token “{name}” revoked.")
        except TokenError as exc:
            raise CommandError(str(exc)) from None

    def list(self, namespace: Namespace) -> None:
        tokens = PipelineToken.objects.filter(namespace=namespace)
        if not tokens:
            self.stdout.write("No pipeline tokens.")
        for token in tokens:
            state = f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "active"
            used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
            self.stdout.write(f"{token.name}\t{token.prefix}…\t{token.scope}\t{state}\tlast used {used}")
