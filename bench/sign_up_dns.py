"""Sign-up create time with the email deliverability check (median of N).

Serves the app's HTTP routes with the built-in identity server on a free 127.0.0.1
port (a scratch SQLite database) and the test DNS server (tests/utils/dns_server.py)
as ``PK_DNS_RESOLVER``. Each run is what clerk-js sends when <SignUp/> is
submitted: ``POST /v1/client/sign_ups`` with a new email and a password, over HTTP
from a fresh dev browser. The clock covers that one request: the email rule
(syntax, reserved and disposable domains, an MX query to the local DNS server),
the password policy and argon2id digest, and the database writes. A run against
a domain with only an A record (MX, A and TXT queries) is timed too, the same
request with a disposable address shows the cost without DNS, and the email rule
alone (in-process, no HTTP, no password) shows what the DNS check itself costs.

Usage: python bench/sign_up_dns.py [--runs N]   (from the project root)
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from scratch import scratch_project

scratch = scratch_project(
    PK_SIGN_IN_ATTEMPTS_PER_MINUTE="100000",
)

from pk_rentals import migrations  # noqa: E402
from pk_rentals.api import create_api  # noqa: E402
from pk_rentals.services.identity.email_rules import DnsConfig, check_email  # noqa: E402
from tests.utils.dns_server import A_ONLY_DOMAIN, MX_DOMAIN, dns_server  # noqa: E402
from tests.utils.frontend_api import FrontendClient  # noqa: E402
from tests.utils.http_server import serve  # noqa: E402

PASSWORD = "Bench#2026pk"


def time_sign_ups(devauth_url: str, domain: str, runs: int, expect: int) -> list[float]:
    timings = []
    for run in range(runs + 1):  # the first run warms the server and its caches
        with FrontendClient(devauth_url) as browser:
            body = {"email_address": f"bench{time.time_ns()}@{domain}", "password": PASSWORD}
            started = time.perf_counter()
            answer = browser.post("/client/sign_ups", body)
            elapsed = time.perf_counter() - started
        if answer.status_code != expect:
            raise SystemExit(f"sign-up on {domain} answered {answer.status_code}: {answer.text}")
        if run:
            timings.append(elapsed)
    return timings


def time_rule(dns_config: DnsConfig, domain: str, runs: int) -> list[float]:
    timings = []
    for run in range(runs + 1):
        started = time.perf_counter()
        check = check_email(f"bench{run}@{domain}", dns_config)
        elapsed = time.perf_counter() - started
        if not check.accepted or check.flag:
            raise SystemExit(f"the rule did not accept {domain}: {check}")
        if run:
            timings.append(elapsed)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    migrations.upgrade(os.environ["REFLEX_DB_URL"])
    with dns_server() as dns:
        os.environ["PK_DNS_RESOLVER"] = dns.resolver_setting
        with serve(create_api()) as url:
            os.environ["PK_BACKEND_URL"] = os.environ["PK_PUBLIC_URL"] = url
            devauth = f"{url}/_devauth"
            rows = [
                (f"MX domain ({MX_DOMAIN})", time_sign_ups(devauth, MX_DOMAIN, runs, 200)),
                (
                    f"A-only domain ({A_ONLY_DOMAIN})",
                    time_sign_ups(devauth, A_ONLY_DOMAIN, runs, 200),
                ),
                (
                    "disposable (refused, no DNS)",
                    time_sign_ups(devauth, "mailinator.com", runs, 422),
                ),
            ]
        rule = DnsConfig(nameservers=((dns.host, dns.port),))
        rows += [
            (f"email rule alone, {MX_DOMAIN}", time_rule(rule, MX_DOMAIN, runs)),
            (f"email rule alone, {A_ONLY_DOMAIN}", time_rule(rule, A_ONLY_DOMAIN, runs)),
        ]
        queries = len(dns.queries)
    for name, timings in rows:
        ms = ", ".join(f"{t * 1000:.1f}" for t in timings)
        median = statistics.median(timings) * 1000
        print(f"{name:40} median of {runs}: {median:6.1f} ms  ({ms})")
    print(f"DNS queries answered by the local server: {queries}")


if __name__ == "__main__":
    main()
