from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView

from steunwerk.access import views as access_views
from steunwerk.accounts import views as account_views
from steunwerk.clients import network_views
from steunwerk.clients import views as client_views
from steunwerk.health import ping
from steunwerk.http import require_GET_or_POST
from steunwerk.methods import views as method_views
from steunwerk.signals import views as signal_views
from steunwerk.support import caseload_views, dashboard_views
from steunwerk.support import method_views as trajectory_method_views
from steunwerk.support import network_views as network_history_views
from steunwerk.support import views as support_views

urlpatterns = [
    path("", require_safe(RedirectView.as_view(pattern_name="caseload")), name="home"),
    path("ping/", ping, name="ping"),
    path(
        "inloggen/",
        # Django's form views take PUT as a POST; the sign-in page takes only what a browser sends.
        require_GET_or_POST(
            auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True)
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/accounts/", account_views.accounts, name="accounts"),
    path("clienten/", caseload_views.caseload, name="caseload"),
    path("clienten/nieuw/", client_views.client_new, name="client_new"),
    path("clienten/<int:pk>/", client_views.client_detail, name="client"),
    path("clienten/<int:pk>/bewerken/", client_views.client_edit, name="client_edit"),
    path("clienten/<int:pk>/toestemming/", client_views.consent_new, name="consent_new"),
    path(
        "clienten/<int:pk>/toestemming/<int:consent_pk>/intrekken/",
        client_views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("clienten/<int:pk>/netwerk/", network_views.network, name="network"),
    path("clienten/<int:pk>/netwerk/kaart.svg", network_views.network_map, name="network_map"),
    path("clienten/<int:pk>/netwerk/vergelijken/", network_history_views.network_compare, name="network_compare"),
    path("clienten/<int:pk>/netwerk/<int:member_pk>/", network_views.network_member_edit, name="network_member"),
    path("clienten/<int:pk>/toegangslog/", access_views.access_log, name="access_log"),
    path("overzicht/", dashboard_views.dashboard, name="dashboard"),
    path("trajecten/<int:pk>/", support_views.trajectory_detail, name="trajectory"),
    path("trajecten/<int:pk>/fase/", support_views.trajectory_phase, name="trajectory_phase"),
    path("trajecten/<int:pk>/situatie/", support_views.trajectory_situation, name="trajectory_situation"),
    path("trajecten/<int:pk>/monitoring/", support_views.monitoring_new, name="monitoring_new"),
    path("trajecten/<int:pk>/profiel/", support_views.profile, name="profile"),
    path("trajecten/<int:pk>/kwaliteit-van-bestaan/", support_views.quality, name="quality"),
    path("trajecten/<int:pk>/doelen/nieuw/", support_views.goal_new, name="goal_new"),
    path("trajecten/<int:pk>/logboek/", support_views.logbook, name="logbook"),
    path("trajecten/<int:pk>/evaluaties/", support_views.evaluations, name="evaluations"),
    path("trajecten/<int:pk>/export.json", support_views.trajectory_export, name="trajectory_export"),
    path("trajecten/<int:pk>/plan/afdrukken/", support_views.plan_print, name="plan_print"),
    path("trajecten/<int:pk>/methoden/", trajectory_method_views.trajectory_methods, name="trajectory_methods"),
    path("trajecten/<int:pk>/methoden/koppelen/", trajectory_method_views.attach_method, name="attach_method"),
    path("methodewijzer/", method_views.method_list, name="methods"),
    path("methodewijzer/nieuw/", method_views.method_new, name="method_new"),
    path("methodewijzer/tabel/licht-complex/", method_views.table_level, name="table_level"),
    path("methodewijzer/tabel/zelfredzaamheid-participatie/", method_views.table_aim, name="table_aim"),
    path("methodewijzer/<slug:slug>/", method_views.method_detail, name="method"),
    path("methodewijzer/<slug:slug>/bewerken/", method_views.method_edit, name="method_edit"),
    path("methodewijzer/<slug:slug>/versies/", method_views.method_history, name="method_history"),
    path("api/", include("steunwerk.api.urls")),
    path("sociale-kaart/", include("steunwerk.resources.urls")),
    path("melden/", signal_views.report_choose, name="report_choose"),
    path("melden/<int:org>/", signal_views.report, name="report"),
    path("melden/status/<str:code>/", signal_views.report_status, name="report_status"),
    path("meldingen/nieuw/", signal_views.partner_report, name="partner_report"),
    path("meldingen/", signal_views.triage_list, name="triage"),
    path("meldingen/<int:pk>/", signal_views.signal_detail, name="signal"),
    path("meldingen/<int:pk>/urgentie/", signal_views.signal_triage, name="signal_triage"),
    path("meldingen/<int:pk>/besluit/", signal_views.signal_decide, name="signal_decide"),
    path("meldingen/<int:pk>/terugkoppeling/", signal_views.signal_feedback, name="signal_feedback"),
    path("meldpunt/", include("steunwerk.signals.urls_network")),
    path("doelen/<int:pk>/bewerken/", support_views.goal_edit, name="goal_edit"),
    path("doelen/<int:pk>/opties/", support_views.options, name="options"),
    path("doelen/<int:pk>/opties/keuze/", support_views.options_choose, name="options_choose"),
    path("doelen/<int:pk>/plan/", support_views.plan_edit, name="plan_edit"),
    path("doelen/<int:pk>/plan/versies/", support_views.plan_versions, name="plan_versions"),
]

handler400 = "steunwerk.errors.bad_request"
handler403 = "steunwerk.errors.permission_denied"
handler404 = "steunwerk.errors.page_not_found"
handler500 = "steunwerk.errors.server_error"
