"""The password rules (issue 14): at least 12 characters, not like the account's own name, not a common password,
and not a common Dutch word with digits or signs around it."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from steunwerk.accounts.models import User
from steunwerk.accounts.passwords import CommonDutchWordValidator


@pytest.mark.parametrize(
    "password", ["wachtwoord12", "Wachtwoord2026!", "!!welkom123456", "Amersfoort1", "  GEHEIM0000  ", "2026", "!!!"]
)
def test_a_dutch_word_with_padding_is_refused(password):
    with pytest.raises(ValidationError) as refused:
        CommonDutchWordValidator().validate(password)
    assert refused.value.error_list[0].code == "password_common_dutch"


@pytest.mark.parametrize("password", ["wachtwoord-voor-de-fiets", "amersfoort is mooi", "koffie met koek 12"])
def test_a_sentence_with_those_words_in_it_is_fine(password):
    CommonDutchWordValidator().validate(password)


@pytest.mark.django_db
def test_the_project_rules_together():
    user = User(username="janvandijk", first_name="Jan", last_name="van Dijk", email="jan@example.org")
    for weak in ["kort-12345", "janvandijk12", "wachtwoord12", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user=user)
    validate_password("drie losse woorden hier", user=user)
