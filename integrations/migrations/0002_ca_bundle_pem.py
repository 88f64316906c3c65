"""The CA bundle becomes PEM text kept with the connection instead of a path on the server: each existing
path is replaced by its file's certificates, or emptied (with a note) when it cannot be read."""

from pathlib import Path

from cryptography import x509
from django.db import migrations, models

import integrations.models

MAX_BYTES = 1_000_000


def pem_of(path: str) -> str:
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_BYTES:
            return ""
        data = file.read_bytes().replace(b"\x00", b"")
        x509.load_pem_x509_certificates(data)
        return data.decode("ascii").replace("\r\n", "\n").strip() + "\n"
    except (OSError, ValueError):
        return ""


def read_ca_files(apps, schema_editor) -> None:
    Connection = apps.get_model("integrations", "Connection")
    for pk, name, value in Connection.objects.exclude(ca_bundle="").values_list("pk", "name", "ca_bundle"):
        if "-----BEGIN" in value:
            continue
        pem = pem_of(value.strip())
        if not pem:
            print(f"\n  Connection {name}: no PEM certificates at {value}; upload its CA bundle again.")
        Connection.objects.filter(pk=pk).update(ca_bundle=pem)


class Migration(migrations.Migration):
    dependencies = [
        ("integrations", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="connection",
            name="ca_bundle",
            field=models.TextField(
                blank=True,
                help_text="PEM certificates of the CA that signed the instance's certificate (e.g. the "
                "sandbox's ca.pem), trusted instead of the system's CAs. Empty: the system's CAs.",
                validators=[integrations.models.validate_ca_bundle],
                verbose_name="CA bundle",
            ),
        ),
        migrations.RunPython(read_ca_files, migrations.RunPython.noop),
    ]
