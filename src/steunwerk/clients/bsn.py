"""The Dutch citizen service number (BSN): the 11-check and masked display."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalise(value):
    return "".join(ch for ch in (value or "") if not ch.isspace() and ch not in ".-")


def is_valid(value):
    digits = normalise(value)
    if len(digits) == 8:
        digits = "0" + digits
    # isascii(): str.isdigit() also accepts superscripts (int() then fails) and non-Latin digits.
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def validate(value):
    if not is_valid(value):
        raise ValidationError(
            _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en moet voldoen aan de elfproef."), code="invalid_bsn"
        )


def clean(value):
    digits = normalise(value)
    return digits.zfill(9) if digits else ""


def mask(value):
    """Show only the last three digits, the way letters from the municipality do."""
    return f"******{value[-3:]}" if value else ""
