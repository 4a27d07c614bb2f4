"""Clerk's screens in Urdu: every text answers a string clerk-js looks up, keeps the
English placeholders, reads Latin values left to right, and "Manage account" is covered.

The English resource is read from the installed @clerk/localizations, so a Clerk
upgrade that renames a key fails here instead of silently showing English.
"""

import ast
import json
import re
import shutil
import subprocess

import pytest

from pk_rentals.i18n import CLERK_URDU
from pk_rentals.settings import PROJECT_ROOT

EN_US = PROJECT_ROOT / "tools/node_modules/@clerk/localizations/dist/en-US.js"
PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
LRI, PDI = "\u2066", "\u2069"

# What a signed-in person sees in "Manage account" (and the errors of its forms).
MANAGE_ACCOUNT = [
    "userProfile.navbar.title",
    "userProfile.navbar.account",
    "userProfile.navbar.security",
    "userProfile.start.headerTitle__account",
    "userProfile.start.headerTitle__security",
    "userProfile.start.profileSection.title",
    "userProfile.start.profileSection.primaryButton",
    "userProfile.start.emailAddressesSection.title",
    "userProfile.start.emailAddressesSection.primaryButton",
    "userProfile.start.emailAddressesSection.destructiveAction",
    "userProfile.start.phoneNumbersSection.title",
    "userProfile.start.phoneNumbersSection.primaryButton",
    "userProfile.start.passwordSection.title",
    "userProfile.start.passwordSection.primaryButton__updatePassword",
    "userProfile.start.activeDevicesSection.title",
    "userProfile.start.activeDevicesSection.destructiveAction",
    "userProfile.profilePage.title",
    "userProfile.profilePage.imageFormTitle",
    "userProfile.profilePage.imageFormSubtitle",
    "userProfile.profilePage.imageFormDestructiveActionSubtitle",
    "userProfile.emailAddressPage.title",
    "userProfile.emailAddressPage.verifyTitle",
    "userProfile.emailAddressPage.emailCode.formSubtitle",
    "userProfile.emailAddressPage.emailCode.resendButton",
    "userProfile.emailAddressPage.removeResource.messageLine1",
    "userProfile.phoneNumberPage.title",
    "userProfile.phoneNumberPage.verifySubtitle",
    "userProfile.phoneNumberPage.removeResource.successMessage",
    "userProfile.passwordPage.title__update",
    "userProfile.passwordPage.successMessage__update",
    "userProfile.formButtonPrimary__save",
    "userProfile.formButtonReset",
    "badge__primary",
    "badge__thisDevice",
    "badge__unverified",
    "formButtonPrimary__verify",
    "formFieldLabel__currentPassword",
    "formFieldLabel__newPassword",
    "formFieldLabel__confirmPassword",
    "formFieldLabel__signOutOfOtherSessions",
    "formFieldLabel__phoneNumber",
    "dates.sameDay",
    "unstable__errors.form_password_pwned",
    "unstable__errors.form_new_password_matches_current",
    "unstable__errors.form_identifier_exists__email_address",
]


def _leaves(resource: dict, prefix: str = "") -> dict[str, str]:
    leaves = {}
    for key, value in resource.items():
        if isinstance(value, dict):
            leaves.update(_leaves(value, f"{prefix}{key}."))
        else:
            leaves[f"{prefix}{key}"] = value
    return leaves


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    node = shutil.which("node")
    if not EN_US.exists() or node is None:
        pytest.skip("Clerk's en-US text is read from tools/node_modules with node: not installed")
    script = "process.stdout.write(JSON.stringify(require(process.argv[1]).enUS))"
    done = subprocess.run(
        [node, "-e", script, str(EN_US)], capture_output=True, check=True, timeout=60
    )
    return _leaves(json.loads(done.stdout))


def _server_strings() -> set[str]:
    """Every string constant of the built-in identity server: its error codes and the
    parameter names it puts in ``meta.param_name``."""
    strings = set()
    for path in (PROJECT_ROOT / "pk_rentals/devauth").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    return strings


URDU = _leaves(CLERK_URDU)


def test_every_urdu_text_answers_a_string_clerk_looks_up(english):
    """A path clerk-js never asks for is a text nobody sees. Besides en-US's paths,
    clerk-js asks ``unstable__errors.<code>__<param>`` then ``unstable__errors.<code>``
    for any error the server sends, so those name a code (and parameter) it sends."""
    sent = _server_strings()

    def is_error_code(path: str) -> bool:
        section, _, key = path.partition(".")
        code, _, param = key.partition("__")
        return section == "unstable__errors" and code in sent and (not param or param in sent)

    assert [path for path in URDU if path not in english and not is_error_code(path)] == []


def test_every_text_keeps_the_english_placeholders(english):
    """Clerk fills ``{{…}}`` by name: a lost or renamed one shows braces on screen.
    Dates are formatted for ur-PK (Urdu weekdays, day/month/year) instead of en-US."""

    def placeholders(text: str) -> list[str]:
        return sorted(PLACEHOLDER.findall(text))

    differ = {
        path: (urdu, english.get(path, ""))
        for path, urdu in URDU.items()
        if placeholders(urdu) != placeholders(english.get(path, "").replace("'en-US'", "'ur-PK'"))
    }
    assert differ == {}


def test_latin_values_read_left_to_right_inside_urdu():
    """An address, a number or a time dropped into a Nastaliq line runs into the Urdu
    words around it; isolated (U+2066 … U+2069) it reads left to right. Only a weekday
    comes out in Urdu."""
    bare = {
        path: text
        for path, text in URDU.items()
        for match in PLACEHOLDER.finditer(text)
        if "weekday" not in match.group()
        and (text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1])
        != (LRI, PDI)
    }
    unbalanced = {path: text for path, text in URDU.items() if text.count(LRI) != text.count(PDI)}
    assert (bare, unbalanced) == ({}, {})


def test_manage_account_is_urdu_on_every_screen(english):
    missing = [path for path in MANAGE_ACCOUNT if path not in URDU]
    not_urdu = [path for path in MANAGE_ACCOUNT if not ARABIC_SCRIPT.search(URDU.get(path, ""))]
    renamed_by_clerk = [
        path for path in MANAGE_ACCOUNT if path not in english and "unstable__errors" not in path
    ]
    assert missing == []
    assert (not_urdu, renamed_by_clerk) == ([], [])


def test_manage_account_joins_sign_in_text_instead_of_replacing_it():
    assert URDU["signIn.start.title"].endswith("میں سائن اِن کریں")
    assert URDU["userButton.action__manageAccount"] == "اکاؤنٹ کا انتظام"
    assert "unstable__errors.form_password_incorrect" in URDU
    assert "unstable__errors.passwordComplexity.minimumLength" in URDU
    assert "unstable__errors.form_password_pwned" in URDU
