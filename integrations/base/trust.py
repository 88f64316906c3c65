"""CA bundles kept with a connection as PEM text (never a path on this server): checking them, saying
what they hold, and handing them to `requests`, whose `verify=` takes only a file name."""

import contextlib
import os
import tempfile
import weakref

from cryptography import x509
from cryptography.x509.oid import NameOID

MAX_CA_BUNDLE_BYTES = 1_000_000  # a public CA store is about 300 kB


class InvalidCaBundle(ValueError):
    """The text is not one or more PEM certificates."""


def clean_pem(text: str) -> str:
    """The PEM text without NUL bytes, with Unix line ends and one final newline ("" stays "")."""
    text = text.replace("\x00", "").replace("\r\n", "\n").strip()
    return f"{text}\n" if text else ""


def certificates(pem: str) -> list[x509.Certificate]:
    """Every certificate in `pem`; InvalidCaBundle with a reason a person can act on otherwise."""
    data = pem.encode("utf-8", "replace")
    if len(data) > MAX_CA_BUNDLE_BYTES:
        raise InvalidCaBundle(f"The CA bundle is larger than {MAX_CA_BUNDLE_BYTES // 1000} kB.")
    if b"-----BEGIN CERTIFICATE-----" not in data:
        raise InvalidCaBundle(
            "This is not a CA bundle: paste or upload PEM certificates "
            "(text starting with -----BEGIN CERTIFICATE-----), not a file path or a private key."
        )
    try:
        return x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise InvalidCaBundle(f"The CA bundle holds an unreadable certificate ({exc}).") from None


def summary(pem: str) -> list[str]:
    """One line per certificate: its common name (or subject) and when it expires."""
    try:
        found = certificates(pem) if pem else []
    except InvalidCaBundle as exc:
        return [str(exc)]
    lines = []
    for cert in found:
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        name = str(names[0].value) if names else cert.subject.rfc4514_string()
        lines.append(f"{name} (expires {cert.not_valid_after_utc:%Y-%m-%d})")
    return lines


class CaFile:
    """The PEM text in a private temporary file for the lifetime of this object (deleted when it is
    garbage collected, closed, or at exit)."""

    def __init__(self, pem: str) -> None:
        descriptor, self.path = tempfile.mkstemp(prefix="portfolio-bridge-ca-", suffix=".pem")
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(pem)
        self._finalizer = weakref.finalize(self, _remove, self.path)

    def close(self) -> None:
        self._finalizer()


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
