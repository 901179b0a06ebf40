"""What the caseload search box understands (clients/search.py): a BSN, a date of birth or a name."""

from datetime import date

import pytest

from steunwerk.clients import search


@pytest.mark.parametrize("text", ["111222333", "111 222 333", "111.222.333", " 111222333 "])
def test_it_reads_a_bsn(text):
    query = search.parse(text)
    assert (query.kind, query.value, query.error) == ("bsn", "111222333", "")


def test_it_reads_an_eight_digit_bsn_with_its_leading_zero():
    query = search.parse("10000008")
    assert (query.kind, query.value, query.error) == ("bsn", "010000008", "")


def test_it_reports_a_bsn_that_fails_the_eleven_check_in_dutch():
    query = search.parse("123456789")
    assert query.kind == "bsn"
    assert query.error == "Dit BSN voldoet niet aan de elfproef."


@pytest.mark.parametrize("text", ["14-05-1999", "14-5-1999", "14/05/1999", "14.05.1999"])
def test_it_reads_a_dutch_date(text):
    query = search.parse(text)
    assert (query.kind, query.value, query.error) == ("date_of_birth", date(1999, 5, 14), "")


@pytest.mark.parametrize("text", ["1999-05-14", "1999-5-14"])
def test_it_reads_an_iso_date(text):
    query = search.parse(text)
    assert (query.kind, query.value, query.error) == ("date_of_birth", date(1999, 5, 14), "")


@pytest.mark.parametrize("text", ["31-02-2020", "00-01-2000", "2021-02-29", "2020-13-01", "32-12-2020"])
def test_it_reports_an_impossible_date_in_dutch(text):
    query = search.parse(text)
    assert query.kind == "date_of_birth"
    assert query.value is None
    assert query.error == "Deze datum bestaat niet."


@pytest.mark.parametrize("text", ["Bram", "de Wit", "12345", "Bram 1999"])
def test_it_treats_anything_else_as_a_name(text):
    query = search.parse(text)
    assert (query.kind, query.value, query.error) == ("name", text, "")


@pytest.mark.parametrize("text", [None, "", "   "])
def test_it_treats_an_empty_box_as_no_search(text):
    assert search.parse(text).kind == ""


def test_it_drops_nul_characters_the_database_cannot_store():
    assert search.parse("Br\x00am").value == "Bram"
    assert search.parse("111\x00222333").kind == "bsn"
    assert search.parse("\x00").kind == ""


def test_it_cuts_very_long_input():
    assert search.parse("a" * 500).value == "a" * 100


@pytest.mark.parametrize("text", ["111222333", "14-05-1999", "Bram"])
def test_it_never_puts_what_was_typed_in_the_log_detail(text):
    query = search.parse(text)
    assert query.log_detail.startswith("zoeken op ")
    assert query.value is not None and str(query.value) not in query.log_detail
    assert "1999" not in query.log_detail and "333" not in query.log_detail
