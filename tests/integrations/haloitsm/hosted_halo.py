"""Makes the sandbox answer as `https://<tenant>.haloitsm.com`, for clients such as `halopsa` that
hard-code the hosted address: the sandbox over TLS with a certificate from a throwaway CA, reached
through a local CONNECT proxy. Clients are configured only through the standard `HTTPS_PROXY` and
`REQUESTS_CA_BUNDLE` variables; nothing is patched."""

import datetime as dt
import select
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from werkzeug.serving import make_server


def _certificate(subject: str, key, issuer_key, issuer: x509.Name | None, *, ca: bool) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    builder = builder.add_extension(
        x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
    )
    builder = builder.add_extension(
        x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False
    )
    if ca:
        usage = dict.fromkeys(
            (
                "digital_signature",
                "content_commitment",
                "key_encipherment",
                "data_encipherment",
                "key_agreement",
                "key_cert_sign",
                "crl_sign",
                "encipher_only",
                "decipher_only",
            ),
            False,
        )
        builder = builder.add_extension(
            x509.KeyUsage(**{**usage, "key_cert_sign": True, "crl_sign": True}), critical=True
        )
    else:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def write_certificates(host: str, directory: Path) -> tuple[Path, Path, Path]:
    """A CA and a certificate for `host` signed by it: (ca.pem, server.pem, server.key)."""
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("Halo sandbox test CA", ca_key, ca_key, None, ca=True)
    server = _certificate(host, key, ca_key, ca.subject, ca=False)
    paths = directory / "ca.pem", directory / "server.pem", directory / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


class Tunnel(socketserver.BaseRequestHandler):
    """`CONNECT <host>:443` to the local TLS server; any other target is refused."""

    def handle(self) -> None:
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 8192:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            head += chunk
        method, target, *_ = head.split(b"\r\n", 1)[0].decode("latin-1").split()
        self.server.targets.append(target)
        if method != "CONNECT" or target != f"{self.server.host}:443":
            self.request.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
            return
        with socket.create_connection(("127.0.0.1", self.server.tls_port), timeout=10) as upstream:
            self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            sockets = [self.request, upstream]
            while True:
                readable, _, _ = select.select(sockets, [], [], 10)
                if not readable:
                    return
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is self.request else self.request).sendall(data)


class TunnelServer(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def __init__(self, host: str, tls_port: int) -> None:
        super().__init__(("127.0.0.1", 0), Tunnel)
        self.host, self.tls_port = host, tls_port
        self.targets: list[str] = []


@contextmanager
def hosted(app, host: str, directory: Path) -> Iterator[tuple[str, Path, TunnelServer]]:
    """Serve `app` as https://<host>; yields (proxy URL, CA file, proxy server)."""
    ca, cert, key = write_certificates(host, directory)
    tls = make_server("127.0.0.1", 0, app, threaded=True, ssl_context=(str(cert), str(key)))
    proxy = TunnelServer(host, tls.server_port)
    threads = [threading.Thread(target=s.serve_forever, args=(0.05,), daemon=True) for s in (tls, proxy)]
    for thread in threads:
        thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}", ca, proxy
    finally:
        for server in (tls, proxy):
            server.shutdown()
            server.server_close()
