from django.urls import path

from hamaynk.accounts import views

app_name = "accounts"
urlpatterns = [
    path("language/", views.switch_language, name="language"),
    path("account/preferences/", views.preferences, name="preferences"),
]
