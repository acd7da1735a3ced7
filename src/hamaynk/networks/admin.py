from django.contrib import admin

from hamaynk.networks.models import Membership, Network, NetworkRole


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["slug", "short_name", "name_en"]


@admin.register(NetworkRole)
class NetworkRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role"]
    list_filter = ["network", "role"]
    raw_id_fields = ["user"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["community", "network", "status", "since"]
    list_filter = ["network", "status"]
    raw_id_fields = ["community"]
