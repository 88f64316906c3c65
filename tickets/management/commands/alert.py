"""`manage.py alert --namespace NS --key K --state problem|ok --severity S --item X --message M [--pair P]`
— send one monitoring alert, as `POST /api/alerts` would."""

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Namespace
from integrations.base.errors import TargetError
from tickets.alerts import AlertError, AlertInput, receive
from tickets.models import AlertState


class Command(BaseCommand):
    help = "Open, update or solve the ticket of a monitoring alert."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--namespace", required=True, help="The namespace's slug or name.")
        parser.add_argument("--key", required=True)
        parser.add_argument("--state", required=True, choices=AlertState.values)
        parser.add_argument("--severity", required=True)
        parser.add_argument(
            "--item", required=True, help="A computer's name or serial, or an application id."
        )
        parser.add_argument("--message", default="")
        parser.add_argument("--pair", default="", help="The ticket sync pair (default: the only one).")

    def handle(self, *args, namespace: str, pair: str, **options) -> None:
        found = (
            Namespace.objects.filter(slug=namespace).first()
            or Namespace.objects.filter(name=namespace).first()
        )
        if found is None:
            raise CommandError(f"No namespace “{namespace}”.")
        given = AlertInput(
            **{k: options[k] for k in ("key", "state", "severity", "item", "message")}, pair=pair
        )
        try:
            outcome = receive(found, given)
        except AlertError as exc:
            raise CommandError(str(exc)) from None
        except TargetError as exc:
            raise CommandError(f"The ticket system refused: {exc}") from None
        alert = outcome.alert
        where = f"{alert.side} ticket {alert.ticket_id}" if alert.ticket_id else "no ticket"
        self.stdout.write(f"{alert.key}: {outcome.action} ({where}, pair {alert.pair.name})")
