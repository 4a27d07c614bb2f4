"""Sign-up's email rule: malformed, reserved, disposable and mail-less domains are
refused; a DNS lookup that runs out of time never holds sign-up for more than the
timeout (at most 3 s) and, by default, lets the address through flagged.

DNS answers come from a real DNS server on 127.0.0.1 holding a test zone."""

import time

import pytest

from pk_rentals.services.identity.email_rules import (
    DnsConfig,
    Flag,
    Outcome,
    Refusal,
    check_email,
    is_disposable,
)
from pk_rentals.settings import DnsTimeoutPolicy, SettingsError, load_settings
from tests.utils.dns_server import (
    A_ONLY_DOMAIN,
    NO_MAIL_DOMAIN,
    NULL_MX_DOMAIN,
    NXDOMAIN_DOMAIN,
    OFFLINE_ZONE,
    SILENT_DOMAIN,
    dns_server,
)
from tests.utils.servers import free_port


@pytest.fixture
def dns(dns_server) -> DnsConfig:
    return DnsConfig(nameservers=((dns_server.host, dns_server.port),), timeout=3.0)


@pytest.mark.parametrize(
    "address",
    ["ayesha@example.pk", "Bilal.Khan+rent@Gmail.com", f"omar@{A_ONLY_DOMAIN}"],
    ids=["mx", "mx-mixed-case", "a-record-only"],
)
def test_an_address_whose_domain_takes_mail_is_accepted(dns, address):
    check = check_email(address, dns)
    assert check.outcome is Outcome.ACCEPTED
    assert check.accepted and check.refusal is None and check.flag is None


@pytest.mark.parametrize(
    ("address", "refusal"),
    [
        ("ayesha", Refusal.MALFORMED),
        ("ayesha@", Refusal.MALFORMED),
        ("ayesha@@example.pk", Refusal.MALFORMED),
        ("ayesha @example.pk", Refusal.MALFORMED),
        ("ayesha@example", Refusal.MALFORMED),
        ("", Refusal.MALFORMED),
        ("a" * 10_000 + "@example.pk", Refusal.MALFORMED),
        ("ayesha@rentals.test", Refusal.RESERVED_DOMAIN),
        ("ayesha@localhost", Refusal.RESERVED_DOMAIN),
        ("ayesha@printer.local", Refusal.RESERVED_DOMAIN),
        ("ayesha@mailinator.com", Refusal.DISPOSABLE_DOMAIN),
        ("ayesha@inbox.mailinator.com", Refusal.DISPOSABLE_DOMAIN),
        ("ayesha@YOPmail.com", Refusal.DISPOSABLE_DOMAIN),
        (f"ayesha@{NO_MAIL_DOMAIN}", Refusal.NO_MAIL_SERVER),
        (f"ayesha@{NULL_MX_DOMAIN}", Refusal.NO_MAIL_SERVER),
        (f"ayesha@{NXDOMAIN_DOMAIN}", Refusal.NO_MAIL_SERVER),
    ],
)
def test_an_address_mail_cannot_reach_is_refused_with_its_reason(dns, address, refusal):
    check = check_email(address, dns)
    assert (check.outcome, check.refusal) == (Outcome.REFUSED, refusal)
    assert not check.accepted


def test_refusals_before_dns_ask_no_dns_server(dns, dns_server):
    before = len(dns_server.queries)
    for address in ("nope", "a@x.test", "a@mailinator.com"):
        check_email(address, dns)
    assert len(dns_server.queries) == before


def test_disposable_list_is_the_maintained_package_subdomains_included():
    assert is_disposable("guerrillamail.com")
    assert is_disposable("x.y.10minutemail.com")
    assert not is_disposable("gmail.com")
    assert not is_disposable("com")


def test_a_silent_dns_server_is_accepted_and_flagged_within_three_seconds(dns):
    started = time.monotonic()
    check = check_email(f"ayesha@{SILENT_DOMAIN}", dns)
    elapsed = time.monotonic() - started
    assert check.outcome is Outcome.FLAGGED
    assert check.accepted and check.flag is Flag.DNS_TIMEOUT
    assert elapsed <= 3.0


def test_the_timeout_is_a_setting_and_so_is_refusing_on_it(dns):
    strict = DnsConfig(dns.nameservers, timeout=0.5, on_timeout=DnsTimeoutPolicy.REFUSE)
    started = time.monotonic()
    check = check_email(f"ayesha@{SILENT_DOMAIN}", strict)
    assert time.monotonic() - started <= 0.5
    assert (check.outcome, check.refusal, check.flag) == (
        Outcome.REFUSED,
        Refusal.UNCHECKED,
        Flag.DNS_TIMEOUT,
    )


def test_no_dns_server_listening_is_flagged_not_refused():
    nobody = DnsConfig(nameservers=(("127.0.0.1", free_port()),), timeout=1.0)
    started = time.monotonic()
    check = check_email("ayesha@example.pk", nobody)
    assert time.monotonic() - started <= 1.0
    assert check.outcome is Outcome.FLAGGED
    assert check.flag in (Flag.DNS_TIMEOUT, Flag.DNS_UNAVAILABLE)


@pytest.mark.parametrize("domain", ["gmail.com", "example.pk", NXDOMAIN_DOMAIN])
def test_a_resolver_that_denies_even_the_root_flags_instead_of_refusing(domain, caplog):
    """An offline machine's resolver answers NXDOMAIN for every name: its word that a
    domain does not exist is not believed, and the log says why."""
    with dns_server(OFFLINE_ZONE) as offline:
        config = DnsConfig(nameservers=((offline.host, offline.port),), timeout=3.0)
        check = check_email(f"ayesha@{domain}", config)
    assert (check.outcome, check.flag) == (Outcome.FLAGGED, Flag.DNS_DENIES_ALL)
    assert check.accepted
    assert offline.queries[-1] == ". NS"  # asked whether the root exists
    assert "even the root does not exist" in caplog.text


def test_a_resolver_that_denies_the_root_can_still_be_told_to_refuse():
    with dns_server(OFFLINE_ZONE) as offline:
        strict = DnsConfig(
            ((offline.host, offline.port),), timeout=3.0, on_timeout=DnsTimeoutPolicy.REFUSE
        )
        check = check_email("ayesha@gmail.com", strict)
    assert (check.outcome, check.refusal) == (Outcome.REFUSED, Refusal.UNCHECKED)


def test_the_resolver_setting_is_parsed_and_checked(monkeypatch):
    monkeypatch.setenv("PK_DNS_RESOLVER", "127.0.0.1:5353, [::1]:53, 10.0.0.2")
    assert load_settings().dns_nameservers == (("127.0.0.1", 5353), ("::1", 53), ("10.0.0.2", 53))
    monkeypatch.setenv("PK_DNS_RESOLVER", "dns.example.pk:53")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert refused.value.problems[0].startswith("PK_DNS_RESOLVER: 'dns.example.pk:53'")


def test_a_timeout_over_three_seconds_is_refused(monkeypatch):
    monkeypatch.setenv("PK_EMAIL_DNS_TIMEOUT", "10")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    assert refused.value.problems[0].startswith("PK_EMAIL_DNS_TIMEOUT")
