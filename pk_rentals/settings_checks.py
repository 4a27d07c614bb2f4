"""Checks the settings apply to values: placeholder secrets, loopback hosts and URLs,
DNS server lists. No pydantic here, so each rule reads on its own."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from pydantic import SecretStr

# Values that are obviously not secrets; production refuses them.
PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "secret", "placeholder", "xxx"})
DEV_SECRET_KEY = "dev-insecure-secret-key-not-for-production"
MIN_SECRET_LENGTH = 32


def parse_nameservers(value: str) -> tuple[tuple[str, int], ...]:
    """``"127.0.0.1:5353, 10.0.0.2"`` -> ``(("127.0.0.1", 5353), ("10.0.0.2", 53))``;
    ``[::1]:5353`` for IPv6 with a port. ``ValueError`` names what is wrong."""
    servers = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        host, port = item, "53"
        if item.startswith("["):
            host, _, rest = item[1:].partition("]")
            port = rest.removeprefix(":") or "53"
        elif item.count(":") == 1:
            host, port = item.split(":")
        try:
            address = str(ipaddress.ip_address(host))
        except ValueError:
            raise ValueError(f"{item!r} is not an IP address (with an optional :port)") from None
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"{item!r} has no valid port")
        servers.append((address, int(port)))
    return tuple(servers)


def is_loopback_host(host: str | None) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1 (also IPv4-mapped): only this machine reaches
    it. Anything else, a name like ``127.example.com`` included, is not."""
    host = (host or "").strip().removeprefix("[").removesuffix("]")
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return (getattr(address, "ipv4_mapped", None) or address).is_loopback


def _is_loopback_url(url: str) -> bool:
    try:
        return is_loopback_host(urlsplit(url).hostname)
    except ValueError:  # an unparsable URL serves nobody we know of
        return False


def _is_placeholder(secret: SecretStr, min_length: int = MIN_SECRET_LENGTH) -> bool:
    value = secret.get_secret_value().strip()
    return (
        value.lower() in PLACEHOLDER_SECRETS
        or value == DEV_SECRET_KEY
        or "changeme" in value.lower()
        or len(value) < min_length
    )
