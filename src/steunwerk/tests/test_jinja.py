"""Pages render through Jinja2 (steunwerk/jinja.py) but must print values as Django's template language would:
local time, Dutch notation, nothing unescaped, and never a method instead of its result."""
from datetime import date, datetime, timezone

import pytest
from django.template import engines
from django.utils import translation


@pytest.fixture
def render():
    engine = engines["jinja2"]

    def render(source, **context):
        with translation.override("nl"):
            return engine.from_string(source).render(context)

    return render


def test_it_shows_times_in_dutch_local_time(render, settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    winter = datetime(2026, 1, 15, 23, 30, tzinfo=timezone.utc)  # 00:30 the next day in Amsterdam
    assert render("{{ t|date('d-m-Y H:i') }}", t=winter) == "16-01-2026 00:30"
    assert render("{{ t|time('H:i') }}", t=datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)) == "12:00"
    assert render("{{ t }}", t=winter) == "16 januari 2026 00:30"


def test_it_prints_dates_and_numbers_the_dutch_way(render):
    assert render("{{ d }}", d=date(2026, 3, 9)) == "9 maart 2026"
    assert render("{{ x }}", x=2.5) == "2,5"
    assert render("{{ n }}", n=12) == "12"


def test_it_prints_nothing_for_none_or_a_missing_name(render):
    assert render("[{{ nothing }}][{{ missing }}][{{ missing.deeper }}]", nothing=None) == "[][][]"


def test_it_escapes_text(render):
    assert render("{{ s }}", s="<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"


def test_printing_a_method_instead_of_calling_it_is_an_error(render):
    with pytest.raises(TypeError, match="functie"):
        render("{{ d.isoformat }}", d=date(2026, 1, 1))
    assert render("{{ d.isoformat() }}", d=date(2026, 1, 1)) == "2026-01-01"


def test_default_replaces_every_false_value_like_django(render):
    assert render("{{ ''|default('—') }}|{{ None|default('—') }}|{{ 0|default('—') }}|{{ 'x'|default('—') }}") == \
        "—|—|—|x"


@pytest.mark.parametrize("fmt", ["d-m-Y", "d-m-Y H:i", "H:i", "Y", "d/m/y H:i:s", "j F Y", "D d-m-Y", r"d \d\e m", "d-m-Y %"])
@pytest.mark.parametrize("value", [datetime(2026, 1, 15, 23, 5, 9, tzinfo=timezone.utc), date(2026, 3, 9),
                                   date(999, 1, 1), None, ""])
def test_the_date_filter_says_what_djangos_says(render, settings, fmt, value):
    from django.template import defaultfilters
    from django.utils.timezone import template_localtime

    settings.TIME_ZONE = "Europe/Amsterdam"
    try:
        with translation.override("nl"):
            expected = defaultfilters.date(template_localtime(value), fmt)
    except TypeError:  # Django refuses a time of day asked of a date; so must we
        with pytest.raises(TypeError):
            render("{{ v|date(f) }}", v=value, f=fmt)
        return
    assert render("{{ v|date(f) }}", v=value, f=fmt) == expected


def test_links_are_the_ones_django_would_reverse(render):
    from django.urls import reverse

    for name, args in (("trajectory", (7,)), ("trajectory", (123456,)), ("client", (1,)), ("caseload", ()),
                       ("method", ("een-methode",))):
        assert render("{{ url(name, *args) }}", name=name, args=args) == reverse(name, args=args or None)
    assert render("{{ url('trajectory', 8) }}|{{ url('trajectory', 9) }}") == \
        f"{reverse('trajectory', args=[8])}|{reverse('trajectory', args=[9])}"
