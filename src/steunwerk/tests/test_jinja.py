"""Pages render through Jinja2 (steunwerk/jinja.py) but must print values as Django's template language would:
local time, Dutch notation, nothing unescaped, and never a method instead of its result."""

from datetime import UTC, date, datetime, timezone

import pytest
from django.template import engines
from django.urls import NoReverseMatch, reverse
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
    winter = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)  # 00:30 the next day in Amsterdam
    assert render("{{ t|date('d-m-Y H:i') }}", t=winter) == "16-01-2026 00:30"
    assert render("{{ t|time('H:i') }}", t=datetime(2026, 7, 1, 10, 0, tzinfo=UTC)) == "12:00"
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
    assert (
        render("{{ ''|default('—') }}|{{ None|default('—') }}|{{ 0|default('—') }}|{{ 'x'|default('—') }}") == "—|—|—|x"
    )


@pytest.mark.parametrize(
    "fmt", ["d-m-Y", "d-m-Y H:i", "H:i", "Y", "d/m/y H:i:s", "j F Y", "D d-m-Y", r"d \d\e m", "d-m-Y %"]
)
@pytest.mark.parametrize(
    "value", [datetime(2026, 1, 15, 23, 5, 9, tzinfo=UTC), date(2026, 3, 9), date(999, 1, 1), None, ""]
)
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

    for name, args in (
        ("trajectory", (7,)),
        ("trajectory", (123456,)),
        ("client", (1,)),
        ("caseload", ()),
        ("method", ("een-methode",)),
        ("method", ("andere_methode-2",)),
        ("method", ("7",)),
        ("method", (7,)),
        ("report_status", ("ID-12ab",)),
        ("report_status", ("a b?c",)),
        ("trajectory", ("7",)),
    ):
        assert render("{{ url(name, *args) }}", name=name, args=args) == reverse(name, args=args or None)
    for name, args in (("trajectory", ("een-methode",)), ("method", ("geen slug",))):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=args)
        with pytest.raises(NoReverseMatch):
            render("{{ url(name, *args) }}", name=name, args=args)
    assert (
        render("{{ url('trajectory', 8) }}|{{ url('trajectory', 9) }}")
        == f"{reverse('trajectory', args=[8])}|{reverse('trajectory', args=[9])}"
    )


def test_every_form_on_a_page_carries_a_working_csrf_token(rf):
    import re

    from django.middleware.csrf import _unmask_cipher_token, get_token

    engine = engines["jinja2"]
    request = rf.get("/")
    html = engine.from_string("<form>{{ csrf_input }}</form><form>{{ csrf_input }}</form>").render({}, request)
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2
    assert all(_unmask_cipher_token(token) == _unmask_cipher_token(get_token(request)) for token in tokens)


def test_the_csrf_token_is_masked_once_per_page_as_in_djangos_template_language(rf):
    import re

    engine = engines["jinja2"]
    request = rf.get("/")
    html = engine.from_string(
        "<form>{{ csrf_input }}</form><form>{{ csrf_input }}</form><i>{{ csrf_token }}</i>"
    ).render({}, request)
    inputs = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    plain = re.findall(r"<i>([^<]+)</i>", html)
    assert len(set(inputs + plain)) == 1
    other_page = engine.from_string("{{ csrf_token }}").render({}, request)
    assert other_page != plain[0]  # a new page masks afresh


def test_a_form_posted_with_the_token_from_its_page_is_accepted_and_without_it_refused(world):
    import re

    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.professional)
    page = browser.get(reverse("trajectory", args=[world.own_trajectory.pk])).content.decode()
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[0]
    url = reverse("trajectory_phase", args=[world.own_trajectory.pk])
    assert browser.post(url, {"phase": "goals", "note": ""}).status_code == 403
    assert browser.post(url, {"phase": "goals", "note": "", "csrfmiddlewaretoken": token}).status_code == 302


REQUIRED = "This field is required."  # a text Django's own catalogues translate


def test_texts_follow_the_active_language():
    template = engines["jinja2"].from_string("{{ _('This field is required.') }}")
    with translation.override("en"):
        assert template.render({}) == REQUIRED
    with translation.override("nl"):
        dutch = translation.gettext(REQUIRED)
        assert dutch.startswith("Dit veld is ver") and template.render({}) == dutch


def test_texts_with_values_escape_the_values_and_keep_a_literal_percent_sign(render):
    assert render("{{ _('Casus %(code)s', code=c) }}", c="<b>A&B</b>") == "Casus &lt;b&gt;A&amp;B&lt;/b&gt;"
    assert render("{{ _('100%% zeker') }}|{{ _('%(n)s%% klaar', n=5) }}") == "100% zeker|5% klaar"
    assert render("{{ ngettext('%(num)s traject', '%(num)s trajecten', n) }}", n=3) == "3 trajecten"


def test_a_text_marked_for_translation_prints_in_the_page_s_language():
    from django.utils.translation import gettext_lazy

    template = engines["jinja2"].from_string("{{ label }}|{% for x in [1] %}{{ label }}{% endfor %}")
    label = gettext_lazy(REQUIRED)
    with translation.override("en"):
        assert template.render({"label": label}) == f"{REQUIRED}|{REQUIRED}"
    with translation.override("nl"):
        dutch = translation.gettext(REQUIRED)
        assert dutch.startswith("Dit veld is ver") and template.render({"label": label}) == f"{dutch}|{dutch}"


def test_static_files_and_optional_links_are_what_django_gives(render):
    from django.templatetags.static import static

    assert render("{{ static('steunwerk.css') }}") == static("steunwerk.css")
    assert render("[{{ url_if_exists('geen-route') }}]") == "[]"
    assert render("{{ url_if_exists('caseload') }}") == reverse("caseload")


def test_numbers_are_rounded_and_shortened_as_django_does(render):
    assert render("{{ x|floatformat(1) }}|{{ y|floatformat(1) }}", x=3.25, y=12) == "3,3|12,0"
    assert render("{{ s|truncatechars(8) }}", s="Huishouden op orde") == "Huishou…"
