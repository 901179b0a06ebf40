from django import forms
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwerk.signals.models import CaseAction, NetworkCase, Signal, SignalFeedback
from steunwerk.signals.urgency import BAND_LABELS
from steunwerk.widgets import DateInput

RISK = [
    (0, gettext_lazy("Geen risico (0)")),
    (1, gettext_lazy("Matig risico (1)")),
    (2, gettext_lazy("Ernstig risico (2)")),
]
EXTENT = [
    ("individual", gettext_lazy("Individu (0)")),
    ("several", gettext_lazy("Meer personen (1)")),
    ("minor", gettext_lazy("Perso(o)n(en) jonger dan 18 (2)")),
    ("over_75", gettext_lazy("Perso(o)n(en) ouder dan 75 (2)")),
]
DURATION = [
    ("incidental", gettext_lazy("Incidenteel (0)")),
    ("structural_short", gettext_lazy("Structureel, korter dan een half jaar (1)")),
    ("structural_long", gettext_lazy("Structureel, langer dan een half jaar (2)")),
]
MIN_SECONDS_ON_FORM = 3
FORM_SALT = "steunwerk.public-signal-form"


class SignalForm(forms.ModelForm):
    """What someone noticed, about whom (as little as needed) and how to reach the reporter for feedback."""

    class Meta:
        model = Signal
        fields = [
            "reporter_type",
            "observation",
            "subject_name",
            "subject_address",
            "subject_age_band",
            "neighbourhood",
            "reporter_name",
            "reporter_contact",
        ]
        widgets = {"observation": forms.Textarea(attrs={"rows": 5, "maxlength": 5000})}
        help_texts = {
            "observation": gettext_lazy("Beschrijf wat u zag of hoorde. Meer is niet nodig."),
            "subject_name": gettext_lazy("Niet verplicht. Een adres of straat is vaak genoeg."),
            "reporter_contact": gettext_lazy(
                "Alleen als u wilt horen wat er met uw melding gedaan is. U hoort nooit details over de persoon zelf."
            ),
        }

    def clean_observation(self):
        text = self.cleaned_data["observation"].strip()
        if len(text) < 10:
            raise forms.ValidationError(_("Beschrijf in een paar woorden wat u is opgevallen."))
        return text


class PublicSignalForm(SignalForm):
    """The public form, with a hidden field only robots fill in and a signed start time."""

    website = forms.CharField(
        required=False,
        label=gettext_lazy("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    @staticmethod
    def start_token():
        return signing.TimestampSigner(salt=FORM_SALT).sign("start")

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Uw melding kon niet worden verwerkt."), code="spam")
        signer = signing.TimestampSigner(salt=FORM_SALT)
        token = data.get("started", "")
        try:
            signer.unsign(token, max_age=24 * 3600)
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("Het formulier is verlopen. Laad de pagina opnieuw."), code="expired"
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Uw melding kon niet worden verwerkt. Laad de pagina opnieuw."), code="spam"
            ) from None
        try:
            signer.unsign(token, max_age=MIN_SECONDS_ON_FORM)
        except signing.SignatureExpired:
            return data  # a person had time to type
        raise forms.ValidationError(
            _("Uw melding kon niet worden verwerkt. Probeer het over enkele seconden opnieuw."), code="too_fast"
        )


class TriageForm(forms.ModelForm):
    """The urgency instrument, exactly as printed, plus the professional's own judgement."""

    safety = forms.TypedChoiceField(
        label=gettext_lazy("Veiligheid"), choices=RISK, coerce=int, widget=forms.RadioSelect
    )
    health = forms.TypedChoiceField(
        label=gettext_lazy("Gezondheid"), choices=RISK, coerce=int, widget=forms.RadioSelect
    )
    wellbeing = forms.TypedChoiceField(
        label=gettext_lazy("Welzijn"), choices=RISK, coerce=int, widget=forms.RadioSelect
    )
    extent = forms.ChoiceField(label=gettext_lazy("Omvang"), choices=EXTENT, widget=forms.RadioSelect)
    duration = forms.ChoiceField(label=gettext_lazy("Duur"), choices=DURATION, widget=forms.RadioSelect)
    band_override = forms.ChoiceField(
        label=gettext_lazy("Eigen oordeel (alleen als u afwijkt)"),
        required=False,
        choices=[("", gettext_lazy("— volg het instrument —")), *BAND_LABELS.items()],
    )

    class Meta:
        model = Signal
        fields = [
            "first_estimate",
            "safety",
            "health",
            "wellbeing",
            "extent",
            "duration",
            "band_override",
            "override_reason",
        ]
        widgets = {
            "first_estimate": forms.Textarea(attrs={"rows": 3}),
            "override_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        data = super().clean()
        if data.get("band_override") and not (data.get("override_reason") or "").strip():
            self.add_error("override_reason", _("Leg vast waarom u afwijkt van het instrument."))
        return data


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Signal
        fields = ["decision", "decision_note", "assigned_to", "person_consulted"]
        widgets = {"decision_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, assignable, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].required = True
        self.fields["assigned_to"].queryset = assignable
        self.fields["assigned_to"].empty_label = _("— niemand —")

    def clean(self):
        data = super().clean()
        if data.get("decision") == Signal.Decision.NETWORK_CASE:
            if not data.get("person_consulted"):
                self.add_error(
                    "person_consulted", _("Breng een casus pas in het netwerk nadat de persoon zelf is geraadpleegd.")
                )
            if self.instance.total is None and not self.instance.band_override:
                self.add_error("decision", _("Schat eerst de urgentie in met het instrument."))
        return data


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = SignalFeedback
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3, "maxlength": 2000})}
        help_texts = {
            "message": gettext_lazy(
                "Informatie, advies en wat er in grote lijnen is gedaan. Geen details "
                "over de persoon: die deelt u niet met de melder."
            )
        }


class CaseForm(forms.ModelForm):
    class Meta:
        model = NetworkCase
        fields = ["typology", "problems", "steps_taken", "results", "urgent", "outcome"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ["problems", "steps_taken", "results"]}


class CaseActionForm(forms.ModelForm):
    class Meta:
        model = CaseAction
        fields = ["description", "responsible", "due_on"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = partners
