"""Forms for the network's case tracking, meetings, intake forms and the yearly report.

Kept apart from signals/forms.py (reporting and triage) so both can change without stepping on each other.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwerk.signals.forms import CaseActionForm
from steunwerk.signals.models import CaseAction, IntakeForm, NetworkCase, NetworkMeeting
from steunwerk.vocab import MeetingKind
from steunwerk.widgets import DateInput

NO_NAMES = gettext_lazy("Gebruik alleen casuscodes, geen namen of adressen.")


class MeetingForm(forms.ModelForm):
    """A new meeting; a spoedberaad is started from the page of an urgent case and names that case."""

    case = forms.ModelChoiceField(queryset=NetworkCase.objects.none(), required=False, widget=forms.HiddenInput)

    class Meta:
        model = NetworkMeeting
        fields = ["kind", "date", "agenda"]
        widgets = {"date": DateInput(), "agenda": forms.Textarea(attrs={"rows": 4, "maxlength": 5000})}
        help_texts = {"agenda": NO_NAMES}

    def __init__(self, *args, networks, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.networks = list(networks)
        self.fields["organisation"] = forms.ModelChoiceField(
            queryset=networks,
            label=gettext_lazy("Meldpunt"),
            empty_label=None,
            required=False,
            widget=forms.Select if len(self.networks) > 1 else forms.HiddenInput,
            initial=self.networks[0] if self.networks else None,
        )
        self.order_fields(["organisation", "kind", "date", "agenda"])

    def clean(self):
        data = super().clean()
        if data.get("organisation") is None:
            if len(self.networks) == 1:
                data["organisation"] = self.networks[0]
            else:
                self.add_error("organisation", _("Kies het meldpunt waarvoor u het overleg plant."))
        case, kind = data.get("case"), data.get("kind")
        if kind == MeetingKind.URGENT and case is None:
            self.add_error("kind", _("Een spoedberaad hoort bij één casus: start het vanaf de pagina van die casus."))
        if case is not None:
            if kind != MeetingKind.URGENT:
                self.add_error("kind", _("Vanaf een casus plant u alleen een spoedberaad."))
            elif not case.urgent:
                self.add_error("kind", _("Deze casus is niet als spoedeisend gemarkeerd."))
            organisation = data.get("organisation")
            if organisation is not None and case.organisation_id != organisation.pk:
                self.add_error("case", _("Deze casus hoort niet bij dit meldpunt."))
        return data


class MeetingUpdateForm(forms.ModelForm):
    """Attendance of the invited organisations, the cases discussed, agenda and minutes."""

    class Meta:
        model = NetworkMeeting
        fields = ["present", "cases", "agenda", "minutes"]
        widgets = {
            "present": forms.CheckboxSelectMultiple,
            "cases": forms.CheckboxSelectMultiple,
            "agenda": forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
            "minutes": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        }
        labels = {"present": gettext_lazy("Aanwezig"), "cases": gettext_lazy("Besproken casussen")}
        help_texts = {"minutes": NO_NAMES, "agenda": NO_NAMES}

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = self.instance.invited.all()
        self.fields["cases"].queryset = cases
        self.fields["cases"].label_from_instance = lambda case: case.code


class AgreementForm(CaseActionForm):
    """An agreement made in a meeting: for which case, what, which partner is responsible, by when."""

    class Meta(CaseActionForm.Meta):
        fields = ["case", "description", "responsible", "due_on"]
        labels = {"case": gettext_lazy("Casus")}

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda case: case.code


class ActionDoneForm(forms.ModelForm):
    class Meta:
        model = CaseAction
        fields = ["result"]
        widgets = {"result": forms.Textarea(attrs={"rows": 2, "maxlength": 5000})}
        labels = {"result": gettext_lazy("Resultaat (niet verplicht)")}


class IntakeFormForm(forms.ModelForm):
    """The meldformulier for one case and one coming meeting."""

    class Meta:
        model = IntakeForm
        fields = ["meeting", "signals_named", "further_information"]
        widgets = {
            "signals_named": forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
            "further_information": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }
        labels = {"meeting": gettext_lazy("Voor het overleg van")}
        error_messages = {
            "signals_named": {"required": gettext_lazy("Noem de signalen die aanleiding gaven tot de melding.")}
        }
        help_texts = {
            "further_information": gettext_lazy(
                "Alleen wat de partners nodig hebben om de casus te bespreken. Het formulier wordt na het overleg "
                "automatisch verwijderd."
            )
        }

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].empty_label = None
        self.fields["meeting"].label_from_instance = lambda m: f"{m.date:%d-%m-%Y} — {m.get_kind_display()}"


class ReportForm(forms.Form):
    jaar = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        required=False,
        error_messages={
            "invalid": gettext_lazy("Geef een jaartal, bijvoorbeeld 2026."),
            "min_value": gettext_lazy("Kies een jaar tussen 2000 en 2100."),
            "max_value": gettext_lazy("Kies een jaar tussen 2000 en 2100."),
        },
    )
    netwerk = forms.IntegerField(required=False, error_messages={"invalid": gettext_lazy("Onbekend netwerk.")})

    def year(self):
        return self.cleaned_data.get("jaar") or timezone.localdate().year
