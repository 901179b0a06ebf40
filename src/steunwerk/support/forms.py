from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwerk.support.models import (
    ActionPlan,
    Evaluation,
    Goal,
    LogbookEntry,
    MonitoringCheck,
    Option,
    PlanStep,
    Trajectory,
)
from steunwerk.vocab import (
    LifeDomain,
    Phase,
    ProfileAspect,
    QualityAspect,
    QualityDimension,
    StepActor,
    Voice,
)
from steunwerk.widgets import DateInput

MAX_WISHES = 5


def text_field(label, rows=3, required=False):
    return forms.CharField(
        label=label, required=required, max_length=settings.TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": rows})
    )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=gettext_lazy("Naar fase"), choices=Phase.choices)
    note = forms.CharField(label=gettext_lazy("Toelichting"), required=False, max_length=500)


class MonitoringForm(forms.ModelForm):
    class Meta:
        model = MonitoringCheck
        fields = ["relationship", "activities", "connection", "note"]
        widgets = {
            "relationship": forms.RadioSelect,
            "activities": forms.RadioSelect,
            "connection": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("relationship", "activities", "connection"):
            self.fields[name].choices = MonitoringCheck.Answer.choices  # no empty "---------" radio


class GridForm(forms.Form):
    """A grid of free-text cells (rows × columns), each with whose words it is."""

    rows = ()
    columns = ()

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        entries = entries or {}
        for row, row_label in self.rows:
            for col, col_label in self.columns:
                existing = entries.get((row, col))
                self.fields[self.text_name(row, col)] = text_field(f"{row_label} — {col_label}", rows=2)
                self.fields[self.voice_name(row, col)] = forms.ChoiceField(
                    label=_("Wiens woorden"), choices=Voice.choices, initial=Voice.CLIENT
                )
                if existing is not None:
                    self.initial[self.text_name(row, col)] = existing.text
                    self.initial[self.voice_name(row, col)] = existing.voice

    @staticmethod
    def text_name(row, col):
        return f"{row}__{col}"

    @staticmethod
    def voice_name(row, col):
        return f"{row}__{col}__voice"

    def cells(self):
        """(row, column, text, voice) for every cell, after validation."""
        for row, _label in self.rows:
            for col, _clabel in self.columns:
                yield (
                    row,
                    col,
                    self.cleaned_data[self.text_name(row, col)],
                    self.cleaned_data[self.voice_name(row, col)],
                )

    def table(self):
        """Bound fields arranged for the template: [(row label, [(text field, voice field), ...]), ...]."""
        return [
            (row_label, [(self[self.text_name(row, col)], self[self.voice_name(row, col)]) for col, _c in self.columns])
            for row, row_label in self.rows
        ]


class ProfileForm(GridForm):
    rows = LifeDomain.choices
    columns = [
        (ProfileAspect.CURRENT, ProfileAspect.CURRENT.label),
        (ProfileAspect.WISHES, ProfileAspect.WISHES.label),
        (ProfileAspect.EARLIER, ProfileAspect.EARLIER.label),
    ]

    def __init__(self, *args, wishes=(), **kwargs):
        super().__init__(*args, **kwargs)
        by_rank = {w.rank: w for w in wishes}
        for rank in range(1, MAX_WISHES + 1):
            self.fields[f"wish_{rank}"] = forms.CharField(
                label=_("Wens %(rank)s") % {"rank": rank}, required=False, max_length=500
            )
            self.fields[f"wish_{rank}_domain"] = forms.ChoiceField(
                label=_("Levensgebied"), required=False, choices=[("", "—"), *LifeDomain.choices]
            )
            self.fields[f"wish_{rank}_voice"] = forms.ChoiceField(
                label=_("Wiens woorden"), choices=Voice.choices, initial=Voice.CLIENT
            )
            if rank in by_rank:
                w = by_rank[rank]
                self.initial.update(
                    {f"wish_{rank}": w.text, f"wish_{rank}_domain": w.domain, f"wish_{rank}_voice": w.voice}
                )

    def wish_rows(self):
        return [
            (self[f"wish_{r}"], self[f"wish_{r}_domain"], self[f"wish_{r}_voice"]) for r in range(1, MAX_WISHES + 1)
        ]

    def wishes(self):
        """The most important wishes in the order given; empty rows close up."""
        filled = [
            (
                self.cleaned_data[f"wish_{r}"].strip(),
                self.cleaned_data[f"wish_{r}_domain"],
                self.cleaned_data[f"wish_{r}_voice"],
            )
            for r in range(1, MAX_WISHES + 1)
        ]
        return [w for w in filled if w[0]]


class QualityForm(GridForm):
    rows = QualityDimension.choices
    columns = QualityAspect.choices


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["wish", "intended_result", "priority", "domain", "preferences"]
        widgets = {"preferences": forms.Textarea(attrs={"rows": 5}), "priority": forms.NumberInput(attrs={"min": 1})}

    def __init__(self, *args, trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wish"].queryset = trajectory.important_wishes.all()
        self.fields["wish"].empty_label = _("— geen —")


class OptionForm(forms.ModelForm):
    class Meta:
        model = Option
        fields = ["text", "pros", "cons"]
        widgets = {"pros": forms.Textarea(attrs={"rows": 2}), "cons": forms.Textarea(attrs={"rows": 2})}


class ChoiceForm(forms.Form):
    """Choose the best and the second-best option of the worksheet."""

    best = forms.ModelChoiceField(label=gettext_lazy("Beste optie"), queryset=None, required=False)
    second = forms.ModelChoiceField(label=gettext_lazy("Op één na beste optie"), queryset=None, required=False)

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("best", "second"):
            self.fields[name].queryset = goal.options.all()
            self.fields[name].empty_label = _("— nog niet gekozen —")
        for option in goal.options.all():
            if option.rank == Option.Rank.BEST:
                self.initial["best"] = option.pk
            elif option.rank == Option.Rank.SECOND:
                self.initial["second"] = option.pk

    def clean(self):
        data = super().clean()
        if data.get("best") and data.get("best") == data.get("second"):
            raise forms.ValidationError(_("De beste en de op één na beste optie moeten verschillen."))
        if data.get("second") and not data.get("best"):
            raise forms.ValidationError(_("Kies eerst de beste optie."))
        return data


class PlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ActionPlan
        fields = [
            "drawn_up_on",
            "evaluation_on",
            "needed_aids",
            "own_strength_skipped",
            "network_skipped",
            "general_provision_skipped",
            "ladder_note",
        ]
        widgets = {
            "own_strength_skipped": forms.Textarea(attrs={"rows": 2}),
            "network_skipped": forms.Textarea(attrs={"rows": 2}),
            "general_provision_skipped": forms.Textarea(attrs={"rows": 2}),
            "drawn_up_on": DateInput(),
            "evaluation_on": DateInput(),
            "needed_aids": forms.Textarea(attrs={"rows": 2}),
            "ladder_note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        drawn, evaluation = data.get("drawn_up_on"), data.get("evaluation_on")
        if drawn and evaluation and evaluation < drawn:
            self.add_error("evaluation_on", _("De evaluatiedatum ligt vóór de datum waarop het plan is opgesteld."))
        return data


class StepForm(forms.ModelForm):
    class Meta:
        model = PlanStep
        fields = ["description", "actor", "performer", "amount", "network_member", "provision", "law", "method"]

    def __init__(self, *args, methods=None, network=None, provisions=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what this plan may link to: the national catalogue and the organisation's own methods, this
        # client's network, and the services of the sociale kaart that are still offered.
        for name, queryset in (("method", methods), ("network_member", network), ("provision", provisions)):
            field = self.fields[name]
            field.queryset = queryset if queryset is not None else field.queryset.none()
            field.empty_label = _("— geen —")

    def clean(self):
        data = super().clean()
        actor = data.get("actor")
        if actor == StepActor.OTHER_LAW and not data.get("law"):
            self.add_error("law", _("Kies de wet waaronder deze stap valt."))
        if data.get("network_member") and actor != StepActor.NETWORK:
            self.add_error("network_member", _("Een netwerklid hoort bij een stap van het netwerk."))
        if data.get("provision") and actor != StepActor.GENERAL_PROVISION:
            self.add_error(
                "provision", _("Een voorziening uit de sociale kaart hoort bij een stap 'algemene voorziening'.")
            )
        return data


class SituationForm(forms.ModelForm):
    """How complex the situation is and what the support aims at: used to propose methods."""

    class Meta:
        model = Trajectory
        fields = ["complexity", "aim"]


StepFormSet = forms.inlineformset_factory(
    ActionPlan,
    PlanStep,
    form=StepForm,
    extra=6,
    can_delete=True,
    max_num=30,
    validate_max=True,
)


class LogbookForm(forms.ModelForm):
    class Meta:
        model = LogbookEntry
        fields = ["date", "place", "present", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 4})}


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["date", "went_well", "learned", "process", "result", "plan_changes", "self_evaluation"]
        widgets = {
            "date": DateInput(),
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in ["went_well", "learned", "process", "result", "plan_changes", "self_evaluation"]
            },
        }
