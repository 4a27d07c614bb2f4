"""``read-cnic IMAGE``: one JSON object read off a card image it has never seen."""

import json

from tests.utils import fake_cnic
from tests.utils.cli import run_cli


def test_read_cnic_prints_the_number_and_expiry_of_a_generated_card(tmp_path):
    image = tmp_path / "card.jpg"
    image.write_bytes(
        fake_cnic.photo("41306-7654321-2", "rotated", seed=7, font=fake_cnic.FONTS[2])
    )
    result = run_cli("read-cnic", str(image))
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert read["is_cnic"] is True
    assert read["number"] == "41306-7654321-2"
    assert read["expiry"] == "2031-03-12"
    assert 0 <= read["confidence"] <= 1


def test_read_cnic_on_a_receipt_is_not_a_cnic(tmp_path):
    image = tmp_path / "receipt.jpg"
    image.write_bytes(fake_cnic.receipt())
    read = json.loads(run_cli("read-cnic", str(image)).stdout)
    assert read == {
        "is_cnic": False,
        "number": None,
        "expiry": None,
        "confidence": read["confidence"],
    }


def test_read_cnic_on_a_file_that_is_not_an_image_says_so_in_one_line(tmp_path):
    image = tmp_path / "notes.txt"
    image.write_text("not an image")
    result = run_cli("read-cnic", str(image))
    assert result.returncode == 7
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr
