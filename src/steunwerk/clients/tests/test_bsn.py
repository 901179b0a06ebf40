"""The BSN 11-check and masked display (clients/bsn.py)."""

import pytest
from django.core.exceptions import ValidationError

from steunwerk.clients import bsn


@pytest.mark.parametrize(
    "value", ["111222333", "123456782", "111 222 333", "1112.22.333", "111-222-333", " 123456782 "]
)
def test_it_accepts_numbers_that_pass_the_eleven_check(value):
    assert bsn.is_valid(value)


def test_it_accepts_eight_digits_as_a_bsn_with_its_leading_zero_dropped():
    assert bsn.is_valid("10000008")
    assert bsn.clean("10000008") == "010000008"


@pytest.mark.parametrize("value", ["123456789", "111222334", "000000000"])
def test_it_rejects_numbers_that_fail_the_eleven_check(value):
    assert not bsn.is_valid(value)


@pytest.mark.parametrize("value", ["", "1234567", "1112223330", "12345678901"])
def test_it_rejects_wrong_lengths(value):
    assert not bsn.is_valid(value)


@pytest.mark.parametrize("value", ["11122233a", "abcdefghi", "111222333x", "1112223!3"])
def test_it_rejects_letters_and_symbols(value):
    assert not bsn.is_valid(value)


@pytest.mark.parametrize("value", ["11122233²", "١١١٢٢٢٣٣٣", "１１１２２２３３３"])
def test_it_rejects_non_ascii_digits_without_crashing(value):
    # Superscripts count as digits for str.isdigit() but not for int(): this used to raise ValueError (a 500).
    assert not bsn.is_valid(value)


def test_it_raises_a_dutch_validation_error():
    with pytest.raises(ValidationError) as exc:
        bsn.validate("123456789")
    assert "Dit is geen geldig BSN" in exc.value.messages[0]
    bsn.validate("111222333")  # no exception


def test_it_strips_spaces_dots_and_dashes():
    assert bsn.clean(" 1112.22-333 ") == "111222333"
    assert bsn.clean("") == ""


def test_it_masks_all_but_the_last_three_digits():
    masked = bsn.mask("111222333")
    assert masked == "******333"
    assert "111222" not in masked


def test_it_masks_an_empty_bsn_as_empty():
    assert bsn.mask("") == ""
