from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from steunwerk.api import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("v1/methods/", views.MethodList.as_view(), name="api_methods"),
    path("v1/methods/recommend/", views.Recommend.as_view(), name="api_methods_recommend"),
    path("v1/methods/<slug:slug>/", views.MethodDetail.as_view(), name="api_method"),
]
