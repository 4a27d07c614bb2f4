"""The message catalogue: each key once, in both languages, and every key the code names exists."""

import ast
import re
import types
from pathlib import Path

import pytest

import pk_rentals
from pk_rentals.i18n import MESSAGES, text
from pk_rentals.i18n.catalogue import FEATURES, merge

PLACEHOLDER = re.compile(r"\{(\w*)\}")
MESSAGE_ID = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
PACKAGE = Path(pk_rentals.__file__).parent


def _feature(name, messages):
    return types.SimpleNamespace(__name__=name, MESSAGES=messages)


def test_a_key_defined_in_two_features_fails_loudly():
    first = _feature("first", {"brand": {"en": "A", "ur": "الف"}})
    second = _feature("second", {"brand": {"en": "B", "ur": "بے"}})
    with pytest.raises(ValueError, match="'brand' is defined in both first and second"):
        merge((first, second))


def test_no_key_is_defined_in_two_feature_modules():
    assert sum(len(feature.MESSAGES) for feature in FEATURES) == len(MESSAGES)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_english_and_urdu_text(key):
    assert set(MESSAGES[key]) == {"en", "ur"}
    assert MESSAGES[key]["en"].strip(), key
    assert MESSAGES[key]["ur"].strip(), key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_placeholders_match_between_english_and_urdu(key):
    english = sorted(PLACEHOLDER.findall(MESSAGES[key]["en"]))
    urdu = sorted(PLACEHOLDER.findall(MESSAGES[key]["ur"]))
    assert english == urdu, key


def test_text_looks_up_the_message_in_the_language():
    assert text("brand", "en") == "PK Rentals"
    assert text("brand", "ur") == "پی کے رینٹلز"


def _message_ids_named_in_code():
    """String literals outside the catalogue shaped like a message id of a known feature."""
    features = {key.split(".")[0] for key in MESSAGES}
    for path in PACKAGE.rglob("*.py"):
        if "i18n" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(node, "value", None)
            if (
                isinstance(node, ast.Constant)
                and isinstance(value, str)
                and MESSAGE_ID.match(value)
                and value.split(".")[0] in features
            ):
                yield path.relative_to(PACKAGE), value


def test_every_message_id_the_code_names_exists():
    # A literal that is not a key must be the stem the code builds keys from
    # (e.g. f"{'moderation.flag'}.{flag}"), so some key starts with it.
    missing = [
        (str(path), name)
        for path, name in _message_ids_named_in_code()
        if name not in MESSAGES and not any(key.startswith(name) for key in MESSAGES)
    ]
    assert not missing
