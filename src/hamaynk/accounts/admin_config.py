from django.contrib.admin.apps import AdminConfig


class HamaynkAdminConfig(AdminConfig):
    """django.contrib.admin with our site (accounts/admin_site.py) as the default site."""

    default_site = "hamaynk.accounts.admin_site.HamaynkAdminSite"
