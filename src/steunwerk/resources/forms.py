from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwerk.vocab import MethodDomain, TargetGroup


def _choice(label, choices):
    return forms.ChoiceField(label=label, required=False, choices=[("", gettext_lazy("— alle —")), *choices])


class SearchForm(forms.Form):
    """Search the sociale kaart; the neighbourhoods on offer are the ones in the data."""

    q = forms.CharField(
        label=gettext_lazy("Zoeken"), required=False, max_length=200, widget=forms.TextInput(attrs={"type": "search"})
    )
    wijk = forms.ChoiceField(label=gettext_lazy("Wijk"), required=False)
    domain = _choice(gettext_lazy("Levensgebied"), MethodDomain.choices)
    target_group = _choice(gettext_lazy("Doelgroep"), TargetGroup.choices)

    def __init__(self, *args, wijken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("— alle —")), *((w, w) for w in wijken)]
