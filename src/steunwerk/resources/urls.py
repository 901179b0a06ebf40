from django.urls import path

from steunwerk.resources import views

urlpatterns = [
    path("", views.resource_list, name="resources"),
    path("<int:pk>/", views.resource_detail, name="resource"),
]
