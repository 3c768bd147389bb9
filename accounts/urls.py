from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.zip", views.export_data, name="export_data"),
    path("profile/delete/", views.delete_account, name="delete_account"),
]
