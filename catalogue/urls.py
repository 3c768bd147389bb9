from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("services/<int:pk>/", views.service_detail, name="service_detail"),
    path("services/new/", views.service_form, name="service_create"),
    path("services/<int:pk>/edit/", views.service_form, name="service_edit"),
    path("manage/", views.service_manage, name="service_manage"),
    path("enquiries/", views.enquiries, name="enquiries"),
    path("enquiries/<int:pk>/", views.enquiry_detail, name="enquiry_detail"),
    path("enquiries/<int:pk>/close/", views.enquiry_close, name="enquiry_close"),
]
