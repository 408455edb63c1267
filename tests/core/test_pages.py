"""The public pages: home, areas by region, an area, peer groups, errors."""

import pytest
from django.urls import reverse

from antislavery.accounts.models import AuditEntry
from antislavery.areas.models import PeerGroup

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_toolkit_is_and_where_to_start(client, areas):
    body = client.get(reverse("home")).content.decode()
    assert "<h1 class=\"govuk-heading-xl\">Anti-Slavery Local Response Toolkit</h1>" in body
    assert "Find your area" in body
    assert "each of the 43 police force areas" in body
    assert 'href="#main-content"' in body


def test_areas_page_lists_all_43_areas_grouped_by_region(client, areas):
    response = client.get(reverse("areas:list"))
    regions = response.context["regions"]
    territorial = [a for region, items in regions.items() for a in items if a.territorial]
    assert len(territorial) == 43
    assert [a.slug for a in regions["Wales"]] == ["dyfed-powys", "gwent", "north-wales",
                                                  "south-wales"]
    body = response.content.decode()
    heading = '<h2 class="govuk-heading-m">{}</h2>'
    assert body.index(heading.format("East Midlands")) < body.index(heading.format("Wales"))
    assert "Areas marked VRU have a Violence Reduction Unit" in body


def test_area_page_shows_governance_office_and_peers(client, areas):
    body = client.get(reverse("areas:detail", args=["greater-manchester"])).content.decode()
    assert "Greater Manchester Police" in body
    assert "Mayor, through a deputy mayor for policing" in body
    assert "Areas with a Violence Reduction Unit" in body
    assert "Other areas in North West" in body
    assert "Cumbria" in body


def test_area_page_offers_the_edit_link_only_to_the_areas_editors(
        client, areas, essex_editor, surrey_editor):
    url = reverse("areas:detail", args=["essex"])
    edit_link = f'href="{reverse("areas:office-edit", args=["essex"])}"'
    client.force_login(essex_editor)
    assert edit_link in client.get(url).content.decode()
    client.force_login(surrey_editor)
    assert edit_link not in client.get(url).content.decode()


def test_an_area_named_another_way_redirects_to_its_page(client, areas):
    response = client.get("/areas/E23000028/")
    assert response.status_code == 302
    assert response["Location"] == "/areas/essex/"


def test_an_unknown_area_gets_404_with_candidates(client, areas):
    response = client.get("/areas/northumbrai/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "is not a police force area" in body
    assert "Northumbria" in body


def test_a_signed_in_user_makes_a_group_and_only_they_may_change_it(
        client, areas, essex_editor, surrey_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:peer-group-create"), {
        "name": "Eastern ports", "description": "", "areas": ["essex", "kent", "suffolk"]})
    group = PeerGroup.objects.get(name="Eastern ports")
    assert response["Location"] == group.get_absolute_url()
    assert group.owner == essex_editor
    assert set(group.areas.values_list("slug", flat=True)) == {"essex", "kent", "suffolk"}
    assert AuditEntry.objects.filter(action="peer_group.create").count() == 1

    client.force_login(surrey_editor)
    response = client.post(reverse("areas:peer-group-edit", args=[group.slug]), {
        "name": "Taken over", "areas": ["surrey", "kent"]})
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.name == "Eastern ports"


def test_a_group_of_one_area_is_refused_with_an_error_summary(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:peer-group-create"), {
        "name": "Lonely", "areas": ["essex"]})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not PeerGroup.objects.filter(name="Lonely").exists()


def test_a_group_naming_an_unknown_area_is_refused(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:peer-group-create"), {
        "name": "Bad", "areas": ["essex", "atlantis"]})
    assert response.status_code == 400
    assert not PeerGroup.objects.filter(name="Bad").exists()


def test_preset_groups_cannot_be_changed_by_office_staff(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:peer-group-edit", args=["wales"]), {
        "name": "Not Wales", "areas": ["essex", "kent"]})
    assert response.status_code == 403
    assert PeerGroup.objects.get(slug="wales").name == "All Welsh areas"


def test_pages_send_a_content_security_policy_without_inline_scripts(client, areas):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_demo_notice_appears_across_the_site_once_demo_data_is_loaded(client, areas):
    from antislavery.core.demo_state import mark_demo_loaded

    assert "demonstration data" not in client.get(reverse("home")).content.decode()
    mark_demo_loaded()
    assert "This installation holds demonstration data" in client.get(
        reverse("home")).content.decode()


def test_the_server_error_page_stands_alone_and_says_nothing_was_lost():
    from django.template.loader import render_to_string

    body = render_to_string("500.html")
    assert '<html lang="en">' in body
    assert "Sorry, there is a problem with the service" in body
    assert "Nothing you saved before this page has been lost." in body


def test_a_user_made_group_names_its_maker_only_to_signed_in_people(
        client, areas, essex_editor):
    from antislavery.areas import services

    essex_editor.first_name, essex_editor.last_name = "Private", "Person"
    essex_editor.save()
    group = services.create_peer_group(actor=essex_editor, name="Ports", description="",
                                       areas=[areas["essex"], areas["kent"]])
    public = client.get(group.get_absolute_url()).content.decode()
    assert "Private Person" not in public
    assert "Group made by a user" in public
    client.force_login(essex_editor)
    assert "Group made by Private Person" in client.get(group.get_absolute_url()).content.decode()


def test_a_group_without_a_name_is_refused_with_a_clear_message(client, areas, essex_editor):
    client.force_login(essex_editor)
    response = client.post(reverse("areas:peer-group-create"), {
        "name": "", "areas": ["essex", "kent"]})
    assert response.status_code == 400
    assert "Enter a name for the group" in response.content.decode()
    assert not PeerGroup.objects.filter(kind="custom").exists()
