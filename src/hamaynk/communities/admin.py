from django.contrib import admin

from hamaynk.communities.models import Affiliation, Community, Country, Region


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_hy", "name_en"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_hy", "name_en", "kind", "country"]
    list_filter = ["country", "kind"]


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name_hy", "name_en", "region", "is_verified"]
    list_filter = ["is_verified", "region__country", "region"]
    search_fields = ["name_hy", "name_en", "name_ro", "name_uk"]
    list_select_related = ["region"]
    raw_id_fields = ["merged_into", "emblem"]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["user", "community", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    raw_id_fields = ["user", "community", "decided_by"]
    list_select_related = ["user", "community"]
