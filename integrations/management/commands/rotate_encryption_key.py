from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from integrations.services import rotate_encryption_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored secret with the first key of FIELD_ENCRYPTION_KEY. "
        "Put the new key first and keep the old one after it until this has run."
    )

    def handle(self, *args, **options) -> None:
        count = rotate_encryption_keys()
        self.stdout.write(
            f"Re-encrypted the secrets of {count} connection{pluralize(count)} with the newest key."
        )
