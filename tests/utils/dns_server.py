"""A small real DNS server on 127.0.0.1 (UDP, ``dnslib``) holding a test zone, so the
email deliverability check runs offline through the real resolver path.

The zone (``TEST_ZONE``): domains with MX records (``example.pk``, which every
e2e sign-up uses, and ``mail.example.pk``'s address), a domain with only an A
record, one that exists but has no mail records, one that never answers (for
timeouts), and the root, which every truthful resolver knows; any other name is
NXDOMAIN. ``OFFLINE_ZONE`` is what an offline machine's resolver says: NXDOMAIN for
every name, the root included.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socketserver
import threading
from collections.abc import Iterator

from dnslib import AAAA, MX, NS, QTYPE, RCODE, RR, TXT, A, DNSRecord

# Public (globally routable) addresses: email-validator ignores private ones as an
# A/AAAA fallback. Nothing ever connects to them.
PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"

MX_DOMAIN = "example.pk"
ALSO_MX_DOMAIN = "gmail.com"
A_ONLY_DOMAIN = "a-only.example.pk"
NO_MAIL_DOMAIN = "no-mail.example.pk"  # exists (a TXT record), but no MX, A or AAAA
NULL_MX_DOMAIN = "null-mx.example.pk"  # RFC 7505: "this domain accepts no mail"
NXDOMAIN_DOMAIN = "nowhere.example.pk"
SILENT_DOMAIN = "silent.example.pk"  # the server drops these queries: a timeout

TEST_ZONE: dict[str, list] = {
    ".": [(QTYPE.NS, NS("a.root-servers.net"))],
    MX_DOMAIN: [(QTYPE.MX, MX("mail.example.pk", 10))],
    "mail.example.pk": [(QTYPE.A, A(PUBLIC_V4))],
    ALSO_MX_DOMAIN: [(QTYPE.MX, MX("gmail-smtp-in.l.google.com", 5))],
    A_ONLY_DOMAIN: [(QTYPE.A, A(PUBLIC_V4)), (QTYPE.AAAA, AAAA(PUBLIC_V6))],
    NO_MAIL_DOMAIN: [(QTYPE.TXT, TXT("nothing to see"))],
    NULL_MX_DOMAIN: [(QTYPE.MX, MX(".", 0))],
}
OFFLINE_ZONE: dict[str, list] = {}


@dataclasses.dataclass
class DnsServer:
    host: str
    port: int
    queries: list[str]  # "name TYPE" of every query received, in order

    @property
    def resolver_setting(self) -> str:
        """The value for ``PK_DNS_RESOLVER``."""
        return f"{self.host}:{self.port}"


def _answer(data: bytes, zone: dict[str, list], silent: set[str]) -> bytes | None:
    request = DNSRecord.parse(data)
    name = str(request.q.qname).rstrip(".").lower()
    if name in silent:
        return None
    reply = request.reply()
    if name not in zone:
        reply.header.rcode = RCODE.NXDOMAIN
        return reply.pack()
    for rtype, rdata in zone[name]:
        if rtype == request.q.qtype:
            reply.add_answer(RR(request.q.qname, rtype, rdata=rdata, ttl=60))
    return reply.pack()  # no matching record: NOERROR with no answer (NoAnswer)


@contextlib.contextmanager
def dns_server(
    zone: dict[str, list] | None = None, silent: set[str] | None = None
) -> Iterator[DnsServer]:
    """Serve ``zone`` (default ``TEST_ZONE``) on a free UDP port of 127.0.0.1."""
    zone = {k.rstrip(".").lower(): v for k, v in (TEST_ZONE if zone is None else zone).items()}
    silent = silent if silent is not None else {SILENT_DOMAIN}
    queries: list[str] = []

    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            data, sock = self.request
            with contextlib.suppress(Exception):  # a garbled packet gets no answer
                request = DNSRecord.parse(data)
                name = str(request.q.qname).rstrip(".") or "."
                queries.append(f"{name} {QTYPE[request.q.qtype]}")
                answer = _answer(data, zone, silent)
                if answer is not None:
                    sock.sendto(answer, self.client_address)

    server = socketserver.ThreadingUDPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield DnsServer(host="127.0.0.1", port=server.server_address[1], queries=queries)
    finally:
        server.shutdown()
        server.server_close()
