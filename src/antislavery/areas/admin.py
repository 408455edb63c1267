from django.contrib import admin
from django.db import models

from antislavery.accounts.admin import AuditedAdmin

from .models import Area, AreaAlias, Organisation, PeerGroup


class AliasInline(admin.TabularInline):
    model = AreaAlias
    extra = 0


@admin.register(Area)
class AreaAdmin(AuditedAdmin):
    list_display = ["name", "slug", "code", "region", "governance", "has_vru", "territorial"]
    list_filter = ["country", "region", "governance", "has_vru", "territorial"]
    search_fields = ["name", "slug", "code", "aliases__text"]
    inlines = [AliasInline]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "area", "holder_name"]
    list_filter = ["kind"]
    search_fields = ["name", "holder_name"]


@admin.register(PeerGroup)
class PeerGroupAdmin(AuditedAdmin):
    list_display = ["name", "kind", "owner"]
    list_filter = ["kind"]
    filter_horizontal = ["areas"]
