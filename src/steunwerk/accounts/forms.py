from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from steunwerk.accounts.models import Team, User
from steunwerk.vocab import Role


def _in_dutch(error):
    """Django 5.2's Dutch catalogue lacks its new "too short" text (the msgid changed), so it showed in English."""
    if error.code == "password_too_short":
        n = (error.params or {}).get("min_length", 0)
        return forms.ValidationError(
            ngettext(
                "Dit wachtwoord is te kort: het moet minstens %(n)d teken bevatten.",
                "Dit wachtwoord is te kort: het moet minstens %(n)d tekens bevatten.",
                n,
            )
            % {"n": n},
            code=error.code,
        )
    return error


class NewAccountForm(forms.ModelForm):
    password = forms.CharField(label=gettext_lazy("Wachtwoord"), widget=forms.PasswordInput, strip=False)
    role = forms.ChoiceField(label=gettext_lazy("Rol"), choices=Role.choices)
    team = forms.ModelChoiceField(label=gettext_lazy("Team"), queryset=Team.objects.none(), required=False)

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["team"].queryset = organisation.teams.all()

    def clean_password(self):
        password = self.cleaned_data["password"]
        try:
            # The account being made, so the password can be compared with its name and e-mail address.
            names = {f: self.cleaned_data.get(f, "") for f in ("username", "first_name", "last_name", "email")}
            validate_password(password, user=User(**names))
        except forms.ValidationError as error:
            raise forms.ValidationError([_in_dutch(e) for e in error.error_list]) from error
        return password

    def clean(self):
        data = super().clean()
        if data.get("role") in (Role.PROFESSIONAL, Role.TEAM_LEAD) and not data.get("team"):
            self.add_error("team", _("Een professional of teamleider hoort bij een team."))
        return data
