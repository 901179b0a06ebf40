"""get_FOO_display() from a label table kept per field (steunwerk/choicelabels.py) says what Django's own says."""
from django.db.models import Model

from steunwerk.signals.models import Signal
from steunwerk.support.models import Trajectory
from steunwerk.vocab import Phase


def django_says(obj, field_name):
    return Model._get_FIELD_display(obj, obj._meta.get_field(field_name))


def test_every_choice_gets_the_same_label_as_django_gives_it():
    for value, _label in Phase.choices:
        t = Trajectory(phase=value)
        assert t.get_phase_display() == django_says(t, "phase")
    for value in Signal.Status.values:
        s = Signal(status=value)
        assert s.get_status_display() == django_says(s, "status") == str(Signal.Status(value).label)


def test_a_value_outside_the_choices_is_shown_as_it_is():
    t = Trajectory(phase="iets-anders")
    assert t.get_phase_display() == "iets-anders" == django_says(t, "phase")
    assert Trajectory(complexity="").get_complexity_display() == django_says(Trajectory(complexity=""), "complexity")
