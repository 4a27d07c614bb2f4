"""Can mail reach this address? The rule sign-up applies: an address
mail cannot reach is refused before an account exists. No Reflex imports here.

In order, each with a well-kept library rather than our own parsing:
1. syntax (``email-validator``): a malformed address is refused;
2. reserved domains (``email-validator``'s special-use list: ``.test``, ``.local``,
   ``.localhost``, ``.invalid``, ``.onion``, ``.arpa``) are refused;
3. disposable domains (the ``disposable-email-domains`` blocklist, subdomains too)
   are refused: a throwaway inbox is gone before anyone needs to reach the person;
4. DNS (``email-validator`` with ``dnspython``): the domain must have an MX record,
   else an A/AAAA record with a public address; NXDOMAIN, no records or a null MX
   are refused.

A DNS lookup that runs out of time (or finds no working nameserver) says nothing
about the address: by default the address is accepted and flagged as unchecked;
``PK_EMAIL_ON_DNS_TIMEOUT=refuse`` refuses it instead. The whole lookup, every
query included, ends within ``PK_EMAIL_DNS_TIMEOUT`` seconds (at most 3).

"No such domain" is believed only from a resolver that knows the DNS root exists. A
machine without internet often has a resolver that answers NXDOMAIN for every name
(gmail.com included); refusing on its word would refuse every sign-up. Such an
answer counts as unchecked, like a timeout, and the log says why.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import time

import disposable_email_domains
import dns.exception
import dns.name
import dns.nameserver
import dns.resolver
import email_validator
from email_validator import EmailNotValidError, EmailUndeliverableError, validate_email
from email_validator.deliverability import validate_email_deliverability

from pk_rentals.settings import DnsTimeoutPolicy, Settings

log = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    FLAGGED = "flagged"  # accepted, but its domain could not be checked


class Refusal(enum.StrEnum):
    MALFORMED = "malformed"
    RESERVED_DOMAIN = "reserved_domain"
    DISPOSABLE_DOMAIN = "disposable_domain"
    NO_MAIL_SERVER = "no_mail_server"  # NXDOMAIN, no MX/A/AAAA, or a null MX
    UNCHECKED = "unchecked"  # DNS timed out and the policy is to refuse


class Flag(enum.StrEnum):
    DNS_TIMEOUT = "dns_timeout"
    DNS_UNAVAILABLE = "dns_unavailable"  # no nameserver answered usefully
    DNS_DENIES_ALL = "dns_denies_all"  # NXDOMAIN even for the root: offline


@dataclasses.dataclass(frozen=True)
class EmailCheck:
    outcome: Outcome
    email: str  # normalised by email-validator (domain lower-cased), else as given
    refusal: Refusal | None = None
    flag: Flag | None = None
    detail: str = ""  # the library's own sentence, for logs and tests

    @property
    def accepted(self) -> bool:
        return self.outcome is not Outcome.REFUSED

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclasses.dataclass(frozen=True)
class DnsConfig:
    nameservers: tuple[tuple[str, int], ...] = ()  # empty: the system's resolver
    timeout: float = 3.0
    on_timeout: DnsTimeoutPolicy = DnsTimeoutPolicy.ACCEPT

    @classmethod
    def from_settings(cls, settings: Settings) -> DnsConfig:
        return cls(
            nameservers=settings.dns_nameservers,
            timeout=settings.email_dns_timeout,
            on_timeout=settings.email_on_dns_timeout,
        )


def is_reserved(domain: str) -> bool:
    """A special-use name (RFC 6761 and kin) that can never receive mail."""
    domain = domain.lower().rstrip(".")
    return any(
        domain == name or domain.endswith("." + name)
        for name in email_validator.SPECIAL_USE_DOMAIN_NAMES
    )


def is_disposable(domain: str) -> bool:
    """On the disposable list, itself or as a subdomain (``x.mailinator.com``)."""
    labels = domain.lower().rstrip(".").split(".")
    return any(
        ".".join(labels[i:]) in disposable_email_domains.blocklist for i in range(len(labels) - 1)
    )


def check_email(address: str, dns_config: DnsConfig) -> EmailCheck:
    """Accept, refuse (with the reason) or accept-and-flag ``address``."""
    try:
        syntax = validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        local, at, domain = address.rpartition("@")
        reserved = bool(local and at) and is_reserved(domain)
        refusal = Refusal.RESERVED_DOMAIN if reserved else Refusal.MALFORMED
        return EmailCheck(Outcome.REFUSED, address, refusal, detail=str(error))
    email = syntax.normalized
    if is_disposable(syntax.ascii_domain):
        return EmailCheck(Outcome.REFUSED, email, Refusal.DISPOSABLE_DOMAIN)
    return _check_dns(email, syntax.ascii_domain, syntax.domain, dns_config)


def _check_dns(email: str, ascii_domain: str, domain: str, config: DnsConfig) -> EmailCheck:
    try:
        resolver = _resolver(config)
        found = validate_email_deliverability(ascii_domain, domain, dns_resolver=resolver)
    except EmailUndeliverableError as error:
        if resolver_knows_the_root(resolver):
            return EmailCheck(Outcome.REFUSED, email, Refusal.NO_MAIL_SERVER, detail=str(error))
        found = {"unknown-deliverability": Flag.DNS_DENIES_ALL.value}
    except dns.resolver.NoResolverConfiguration:
        found = {"unknown-deliverability": "no_nameservers"}
    unknown = found.get("unknown-deliverability")
    if unknown is None:
        return EmailCheck(Outcome.ACCEPTED, email)
    flag = {"timeout": Flag.DNS_TIMEOUT, Flag.DNS_DENIES_ALL.value: Flag.DNS_DENIES_ALL}.get(
        unknown, Flag.DNS_UNAVAILABLE
    )
    if config.on_timeout is DnsTimeoutPolicy.REFUSE:
        return EmailCheck(Outcome.REFUSED, email, Refusal.UNCHECKED, flag, detail=unknown)
    return EmailCheck(Outcome.FLAGGED, email, flag=flag, detail=unknown)


def resolver_knows_the_root(resolver: dns.resolver.Resolver) -> bool:
    """Whether ``resolver`` admits that the DNS root exists: any answer but NXDOMAIN
    for ``. NS``. A resolver that denies even the root denies everything, and its
    "no such domain" says nothing about an address."""
    try:
        resolver.resolve(dns.name.root, "NS")
    except dns.resolver.NXDOMAIN:
        log.warning(
            "email check: the DNS resolver says even the root does not exist, as an"
            " offline machine's does; sign-up emails are accepted and flagged unchecked"
            " (PK_DNS_RESOLVER names the resolver to ask)"
        )
        return False
    except dns.exception.DNSException:
        return True  # no answer in time: the NXDOMAIN already seen stands
    return True


_BACKOFF_MARGIN = 0.2  # seconds


class _DeadlineResolver(dns.resolver.Resolver):
    """A resolver whose queries share one deadline: email-validator may ask for MX,
    A, AAAA and TXT in turn, and together they must not outlast the timeout."""

    deadline: float = 0.0

    def resolve(self, *args, **kwargs):  # type: ignore[override]
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise dns.exception.Timeout(timeout=0.0)
        kwargs["lifetime"] = left
        return super().resolve(*args, **kwargs)


def _resolver(config: DnsConfig) -> _DeadlineResolver:
    resolver = _DeadlineResolver(configure=not config.nameservers)
    if config.nameservers:
        resolver.nameservers = [
            dns.nameserver.Do53Nameserver(address, port) for address, port in config.nameservers
        ]
    # dnspython sleeps a backoff (0.1 s) after a timed-out try before it notices that
    # the lifetime is spent: stop that much early so the check never outlasts the
    # timeout. One try per query (timeout = lifetime) keeps it to a single backoff.
    budget = max(config.timeout - _BACKOFF_MARGIN, config.timeout / 2)
    resolver.timeout = resolver.lifetime = budget
    resolver.deadline = time.monotonic() + budget
    return resolver
