from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("services/<int:pk>/", views.service_detail, name="service_detail"),
    path("services/new/", views.service_form, name="service_create"),
    path("services/<int:pk>/edit/", views.service_form, name="service_edit"),
    path("manage/", views.service_manage, name="service_manage"),
    path("materials/", views.material_list, name="material_list"),
    path("materials/new/", views.material_form, name="material_create"),
    path("materials/<int:pk>/", views.material_detail, name="material_detail"),
    path("materials/<int:pk>/edit/", views.material_form, name="material_edit"),
    path("materials/<int:pk>/delete/", views.material_delete, name="material_delete"),
    path("materials/<int:pk>/download/", views.material_download, name="material_download"),
    path("enquiries/", views.enquiries, name="enquiries"),
    path("enquiries/<int:pk>/", views.enquiry_detail, name="enquiry_detail"),
    path("enquiries/<int:pk>/reply/", views.enquiry_reply, name="enquiry_reply"),
    path("enquiries/<int:pk>/close/", views.enquiry_close, name="enquiry_close"),
]
