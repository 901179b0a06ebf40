from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwerk.access.models import Consent
from steunwerk.accounts.models import Organisation
from steunwerk.clients import bsn as bsn_rules
from steunwerk.clients.models import Client, NetworkMember
from steunwerk.vocab import Limitation, SupportKind
from steunwerk.widgets import DateInput


class ClientForm(forms.ModelForm):
    limitations = forms.MultipleChoiceField(
        label=gettext_lazy("Soort beperking"),
        choices=Limitation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Room for the separators on letters ("1112.22.333"); clean_bsn keeps the 9 digits, the model checks them.
    bsn = forms.CharField(
        label=gettext_lazy("BSN"), required=False, max_length=20, help_text=Client._meta.get_field("bsn").help_text
    )

    class Meta:
        model = Client
        fields = [
            "name",
            "date_of_birth",
            "bsn",
            "street_address",
            "postcode",
            "city",
            "neighbourhood",
            "phone",
            "email",
            "limitations",
            "wanted_helpers",
            "unwanted_helpers",
        ]
        widgets = {
            "date_of_birth": DateInput(),
            "wanted_helpers": forms.Textarea(attrs={"rows": 2}),
            "unwanted_helpers": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("wanted_helpers", "unwanted_helpers"):  # free text: the same limit as elsewhere
            self.fields[name].validators.append(MaxLengthValidator(settings.TEXT_MAX_LENGTH))
            self.fields[name].widget.attrs["maxlength"] = str(settings.TEXT_MAX_LENGTH)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Vul een naam in."))
        return name

    def clean_date_of_birth(self):
        dob = self.cleaned_data.get("date_of_birth")
        if dob and dob > timezone.localdate():
            raise forms.ValidationError(_("De geboortedatum ligt in de toekomst."))
        return dob

    def clean_bsn(self):
        value = self.cleaned_data.get("bsn", "")
        return bsn_rules.clean(value) if value else ""


class NewClientForm(ClientForm):
    """A new client always starts with a trajectory held by one of the professional's teams."""

    request = forms.CharField(
        label=gettext_lazy("Aanleiding"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Hoe het contact ontstond en met welke vraag."),
    )
    team = forms.ModelChoiceField(label=gettext_lazy("Team"), queryset=None, empty_label=None)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["receiving_organisation", "purpose", "given_on", "explained_to_client"]
        widgets = {"given_on": DateInput()}

    def __init__(self, *args, holder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiving_organisation"].queryset = Organisation.objects.exclude(pk=holder.pk)

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise forms.ValidationError(_("De datum van toestemming ligt in de toekomst."))
        return given_on

    def clean_explained_to_client(self):
        if not self.cleaned_data.get("explained_to_client"):
            raise forms.ValidationError(_("Leg eerst het doel van het delen uit aan de cliënt."))
        return True


class NetworkMemberForm(forms.ModelForm):
    support = forms.MultipleChoiceField(
        label=gettext_lazy("Soort steun"),
        choices=SupportKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    shares_plan_steps = forms.BooleanField(
        label=gettext_lazy("De cliënt geeft toestemming dat deze persoon de eigen taken in het plan ziet"),
        required=False,
        help_text=gettext_lazy("Alleen de stappen die aan deze persoon zijn toegewezen; intrekken kan altijd."),
    )

    class Meta:
        model = NetworkMember
        fields = [
            "name",
            "relation",
            "same_household",
            "support",
            "frequency",
            "gives_back",
            "load",
            "involvement",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("shares_plan_steps", self.instance.shares_plan_steps)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Vul een naam in."))
        return name

    def save(self, commit=True):
        member = super().save(commit=False)
        wants = self.cleaned_data["shares_plan_steps"]
        if wants and not member.shares_plan_steps:
            member.plan_consent_on, member.plan_consent_withdrawn_at = timezone.localdate(), None
        elif not wants and member.shares_plan_steps:
            member.plan_consent_withdrawn_at = timezone.now()
        if commit:
            member.save()
        return member
