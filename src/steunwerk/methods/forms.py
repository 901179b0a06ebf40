from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwerk.methods.models import Method
from steunwerk.vocab import (
    Aim,
    EvidenceLevel,
    MethodDomain,
    MethodKind,
    ProblemLevel,
    TargetGroup,
    WnsBaken,
    WorkingElement,
)


def _choice(label, choices):
    return forms.ChoiceField(label=label, required=False, choices=[("", gettext_lazy("— alle —")), *choices])


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Zoeken"), required=False, max_length=200)
    target_group = _choice(gettext_lazy("Doelgroep"), TargetGroup.choices)
    problem_level = _choice(gettext_lazy("Problematiek"), ProblemLevel.choices)
    aim = _choice(gettext_lazy("Gericht op"), Aim.choices)
    domain = _choice(gettext_lazy("Levensgebied"), MethodDomain.choices)
    working_element = _choice(gettext_lazy("Werkzaam element"), WorkingElement.choices)
    baken = _choice(gettext_lazy("Baken Welzijn Nieuwe Stijl"), WnsBaken.choices)
    evidence_level = _choice(gettext_lazy("Onderbouwing"), EvidenceLevel.choices)
    kind = _choice(gettext_lazy("Soort"), MethodKind.choices)
    esi = forms.ChoiceField(
        label=gettext_lazy("In databank Effectieve sociale interventies"),
        required=False,
        choices=[
            ("", gettext_lazy("— alle —")),
            ("ja", gettext_lazy("ja")),
            ("onbekend", gettext_lazy("niet vermeld")),
        ],
    )


def _multi(label, choices):
    return forms.MultipleChoiceField(label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple)


class RecommendForm(forms.Form):
    """The situation, prefilled from the trajectory; the professional can adjust it."""

    target_groups = _multi(gettext_lazy("Doelgroep"), TargetGroup.choices)
    problem_level = forms.ChoiceField(
        label=gettext_lazy("Hoe complex is de situatie?"),
        required=False,
        choices=[
            ("", gettext_lazy("— onbekend —")),
            ("licht", gettext_lazy("Licht")),
            ("complex", gettext_lazy("Complex")),
        ],
    )
    aim = forms.ChoiceField(
        label=gettext_lazy("Gericht op"), required=False, choices=[("", gettext_lazy("— onbekend —")), *Aim.choices]
    )
    domains = _multi(gettext_lazy("Levensgebieden"), MethodDomain.choices)
    text = forms.CharField(
        label=gettext_lazy("Beschrijving van de situatie en de doelen"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def profile_dict(self):
        data = self.cleaned_data
        return {
            "target_groups": data["target_groups"],
            "problem_level": data["problem_level"] or None,
            "aim": data["aim"] or None,
            "domains": data["domains"],
            "text": data["text"],
        }


class AttachForm(forms.Form):
    step = forms.ModelChoiceField(label=gettext_lazy("Aan plan-stap"), queryset=None)
    method = forms.ModelChoiceField(queryset=None, to_field_name="slug", widget=forms.HiddenInput)

    def __init__(self, *args, steps, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = steps
        self.fields["method"].queryset = methods


def _json_list_field(label, choices):
    return forms.MultipleChoiceField(label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple)


class MethodForm(forms.ModelForm):
    """Edit a method (catalogue admin). Lists of codes are checkboxes; free lists are one item per line."""

    target_groups = _json_list_field(gettext_lazy("Doelgroepen"), TargetGroup.choices)
    domains = _json_list_field(gettext_lazy("Levensgebieden"), MethodDomain.choices)
    wns_bakens = _json_list_field(gettext_lazy("Bakens Welzijn Nieuwe Stijl"), WnsBaken.choices)
    working_elements = _json_list_field(gettext_lazy("Werkzame elementen"), WorkingElement.choices)
    aliases = forms.CharField(
        label=gettext_lazy("Andere namen (één per regel)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    steps = forms.CharField(
        label=gettext_lazy("Stappen (één per regel)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    developer = forms.CharField(
        label=gettext_lazy("Ontwikkelaar (één per regel)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Method
        fields = [
            "name",
            "target_groups",
            "target_groups_certain",
            "problem_level",
            "problem_level_certain",
            "problem_level_note",
            "aim",
            "aim_certain",
            "aim_note",
            "domains",
            "goal",
            "target_group_text",
            "approach",
            "steps",
            "wns_bakens",
            "working_elements",
            "evidence_level",
            "evidence",
            "in_esi_databank",
            "aliases",
            "developer",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in ["problem_level_note", "aim_note", "goal", "target_group_text", "approach", "evidence"]
        }

    LINE_FIELDS = ("aliases", "steps", "developer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.LINE_FIELDS:
            self.initial[name] = "\n".join(getattr(self.instance, name) or [])
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not field.max_length:
                field.max_length = 5000
                field.validators.append(MaxLengthValidator(5000))

    def _lines(self, name):
        return [line.strip() for line in self.cleaned_data.get(name, "").splitlines() if line.strip()]

    def clean_aliases(self):
        return self._lines("aliases")

    def clean_steps(self):
        return self._lines("steps")

    def clean_developer(self):
        return self._lines("developer")

    def clean(self):
        data = super().clean()
        if not data.get("target_groups"):
            self.add_error("target_groups", _("Kies minstens één doelgroep."))
        return data

    def save(self, commit=True):
        method = super().save(commit=False)
        # The primary groups place a method in the core tables and the recommendations; one that is no longer a
        # target group must go, or the method would stay in a row it was just taken out of.
        method.target_groups_primary = [g for g in method.target_groups_primary if g in method.target_groups]
        if commit:
            method.save()
            self.save_m2m()
        return method
