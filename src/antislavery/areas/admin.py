from django.contrib import admin

from .models import Area, AreaAlias, Organisation, PeerGroup


class AliasInline(admin.TabularInline):
    model = AreaAlias
    extra = 0


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "code", "region", "governance", "has_vru", "territorial"]
    list_filter = ["country", "region", "governance", "has_vru", "territorial"]
    search_fields = ["name", "slug", "code", "aliases__text"]
    inlines = [AliasInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area", "holder_name"]
    list_filter = ["kind"]
    search_fields = ["name", "holder_name"]


@admin.register(PeerGroup)
class PeerGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner"]
    list_filter = ["kind"]
    filter_horizontal = ["areas"]
