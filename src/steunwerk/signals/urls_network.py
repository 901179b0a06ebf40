"""The signalling network at /meldpunt/: cases (by ID code), meldformulieren, meetings and the yearly report."""

from django.urls import path

from steunwerk.signals import case_views, meeting_views, report_views

urlpatterns = [
    path("casussen/", case_views.case_list, name="cases"),
    path("casussen/<int:pk>/", case_views.case_detail, name="case"),
    path("casussen/<int:pk>/afspraken/", case_views.case_action_new, name="case_action_new"),
    path("afspraken/<int:pk>/afgerond/", case_views.case_action_done, name="case_action_done"),
    path("casussen/<int:pk>/meldformulier/", case_views.intake_new, name="intake_new"),
    path("meldformulieren/<int:pk>/", case_views.intake_detail, name="intake"),
    path("overleggen/", meeting_views.meeting_list, name="meetings"),
    path("overleggen/nieuw/", meeting_views.meeting_new, name="meeting_new"),
    path("overleggen/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path("overleggen/<int:pk>/afspraken/", meeting_views.meeting_agreement_new, name="meeting_agreement_new"),
    path("overleggen/<int:pk>/afsluiten/", meeting_views.meeting_close, name="meeting_close"),
    path("jaarcijfers/", report_views.signals_report, name="signals_report"),
]
