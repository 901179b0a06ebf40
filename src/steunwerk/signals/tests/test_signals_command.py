import io
import json

import pytest
from django.core.management import call_command


def run(monkeypatch, text):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("signals", "score", stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_it_prints_total_band_and_both_actions(monkeypatch):
    code, out, _err = run(
        monkeypatch,
        json.dumps({"safety": 2, "health": 1, "wellbeing": 1, "extent": "minor", "duration": "structural_long"}),
    )
    assert code == 0
    result = json.loads(out)
    assert result["total"] == 8 and result["band"] == "professional"
    assert set(result) == {"total", "band", "action_report", "action_reporter"}


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("{not json", "Geen geldige JSON"),
        ('{"safety": 5, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental"}', "safety"),
        (
            '{"safety": 0, "health": 0, "wellbeing": 0, "extent": "everyone", "duration": "incidental"}',
            "individual, several, minor, over_75",
        ),
        ("", "Geen geldige JSON"),
    ],
)
def test_it_exits_2_with_a_message_naming_what_is_allowed(monkeypatch, text, fragment):
    code, out, err = run(monkeypatch, text)
    assert code == 2 and out == ""
    assert fragment in err
