"""Demonstration entries, written for the demo from what the APCC's 2021 progress update says
areas were doing (seed 002). They are marked as demonstration content in the data
(``Entry.demo``) and on every page that shows them.

Dates are set relative to the day the demo is first loaded, so that some contracts always end
within six months; loading again adds nothing and changes nothing.
"""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from django.utils import timezone

from antislavery.areas.models import Area

from .fields import EntryFields
from .selectors import add_months
from .services import load_demo_entry

ORDER = 50

ALL_STAGES = ["before_nrm", "during_nrm", "after_nrm", "outside_nrm"]
ALL_TYPES = ["sexual", "labour", "criminal", "domestic_servitude"]


def _entries(today: datetime.date) -> list[dict[str, Any]]:
    """The demo entries: key, lead area, other areas, then the entry's values."""
    def months(n: int) -> datetime.date:
        return add_months(today, n)

    return [
        {"key": "essex-navigators", "area": "essex",
         "title": "Independent victim care navigators",
         "summary": "Navigators from a specialist charity, recruited with the commissioner's "
                    "support, advocate for potential victims and point them to help. What "
                    "they offer follows each person's needs: from signposting to emergency "
                    "housing, and practical items such as clothes, a phone and food.",
         "kind": "specialist_post", "themes": ["victim_support", "accommodation"],
         "nrm_stages": ["before_nrm", "during_nrm", "after_nrm"], "victim_groups": ["adult"],
         "exploitation": ALL_TYPES, "provider": "Justice and Care",
         "funder": "Police, Fire and Crime Commissioner for Essex", "status": "running",
         "start": datetime.date(2020, 10, 1), "end": months(4), "public": True},
        {"key": "essex-pathway-review", "area": "essex",
         "title": "Review of the referral pathway with the force",
         "summary": "A private working note: the office and the force plan to map how "
                    "potential victims move from first contact to support.",
         "kind": "needs_assessment", "themes": ["evidence", "force_collaboration"],
         "status": "planned", "public": False},
        {"key": "surrey-navigator", "area": "surrey", "title": "Victim navigator for adults",
         "summary": "A navigator funded by the commissioner works alongside the police with "
                    "every adult victim, helping them decide about engaging with the police, "
                    "the NRM and other services, and advising the force on engagement. An "
                    "external evaluation found a markedly higher rate of engagement with "
                    "investigations.",
         "kind": "specialist_post", "themes": ["victim_support", "victim_engagement"],
         "nrm_stages": ALL_STAGES, "victim_groups": ["adult"], "status": "running",
         "start": datetime.date(2019, 4, 1), "evaluation": "independent", "public": True},
        {"key": "surrey-second-navigator", "area": "surrey",
         "title": "A second victim navigator",
         "summary": "After the evaluation, the office plans to add a second navigator post.",
         "kind": "specialist_post", "themes": ["improvement", "victim_support"],
         "nrm_stages": ALL_STAGES, "victim_groups": ["adult"], "status": "planned",
         "public": True},
        {"key": "east-midlands-navigators", "area": "leicestershire",
         "others": ["lincolnshire"], "title": "Regional victim navigators",
         "summary": "A regional collaboration to put victim navigators in place, one of them "
                    "based at a safeguarding hub, so that the force can support potential "
                    "victims before they enter the NRM. Their impact is to be evaluated to "
                    "shape the next outreach service.",
         "kind": "specialist_post", "themes": ["victim_support", "improvement"],
         "nrm_stages": ["before_nrm"], "victim_groups": ["adult"], "status": "planned",
         "provider": "Justice and Care", "funding_source": "Home Office bid",
         "start": months(3), "evaluation": "planned", "public": True},
        {"key": "cambridgeshire-coordinators", "area": "cambridgeshire",
         "title": "Specialist victim and witness care co-ordinators",
         "summary": "Two co-ordinators dedicated to victims of modern slavery and human "
                    "trafficking, who also advise officers and partners. Staff in the "
                    "victim hub speak Lithuanian and Romanian, which helps build trust "
                    "with people in their own language.",
         "kind": "specialist_post", "themes": ["victim_support", "language_barriers"],
         "nrm_stages": ALL_STAGES, "victim_groups": ["adult"], "exploitation": ALL_TYPES,
         "languages": ["Lithuanian", "Romanian"], "status": "running", "public": True},
        {"key": "devon-cornwall-liaison", "area": "devon-and-cornwall",
         "title": "Modern slavery victim liaison officers",
         "summary": "Forty specially trained officers, deployed to every case where a "
                    "victim is identified, give the victim one point of contact: "
                    "safeguarding, taking an account, welfare, help with the NRM and "
                    "signposting. Early feedback on deployments was very good.",
         "kind": "specialist_post", "themes": ["victim_support", "force_collaboration"],
         "nrm_stages": ["before_nrm", "during_nrm"], "victim_groups": ["adult", "child"],
         "status": "running", "start": datetime.date(2021, 3, 1), "evaluation": "internal",
         "provider": "Devon and Cornwall Police", "public": True},
        {"key": "devon-cornwall-contract", "area": "devon-and-cornwall",
         "title": "Re-specified victim care contract",
         "summary": "Victim care is being reshaped and a new contract specified, with a "
                    "support fund advertised through local partnerships.",
         "kind": "commissioned_service", "themes": ["improvement", "victim_support"],
         "nrm_stages": ["after_nrm"], "victim_groups": ["adult"], "status": "planned",
         "start": months(2), "public": True},
        {"key": "west-mercia-fund", "area": "west-mercia",
         "title": "Accommodation and subsistence fund",
         "summary": "A fund the commissioner gives the force to buy emergency accommodation "
                    "and what a victim needs straight away: sanitary items, clothing, food "
                    "for the first days.",
         "kind": "fund", "themes": ["accommodation", "victim_support"],
         "nrm_stages": ["before_nrm", "during_nrm"], "victim_groups": ["adult"],
         "status": "running", "public": True},
        {"key": "west-midlands-case-conference", "area": "west-midlands",
         "title": "Adult safeguarding case conference for slavery",
         "summary": "A multi-agency case conference, run like a MARAC and now in every local "
                    "authority area, to safeguard adult victims and keep them engaged with "
                    "the justice process. It has opened clearer routes into safeguarding.",
         "kind": "case_conference", "themes": ["victim_engagement", "partnership"],
         "nrm_stages": ALL_STAGES, "victim_groups": ["adult"], "status": "running",
         "evaluation": "internal", "public": True},
        {"key": "west-midlands-engagement", "area": "west-midlands",
         "title": "Community engagement with sexually exploited women",
         "summary": "A project with a women's aid charity to find and reach women who are "
                    "sexually exploited, map exploitation across the region and work with "
                    "the police on intelligence.",
         "kind": "commissioned_service", "themes": ["victim_support", "prevention"],
         "nrm_stages": ["before_nrm", "outside_nrm"], "victim_groups": ["adult"],
         "exploitation": ["sexual"], "provider": "Black Country Women's Aid",
         "status": "pilot", "end": months(3), "public": True},
        {"key": "hertfordshire-isva", "area": "hertfordshire", "title": "Exploitation ISVA",
         "summary": "An independent advocate for victims of exploitation, as much about "
                    "outreach as casework, who has built links with lawyers giving free "
                    "advice on entitlements and with housing providers.",
         "kind": "specialist_post", "themes": ["victim_support", "partnership"],
         "nrm_stages": ["before_nrm", "after_nrm", "outside_nrm"],
         "victim_groups": ["adult"], "exploitation": ALL_TYPES, "status": "running",
         "funding_source": "Ministry of Justice IDVA/ISVA grant fund", "end": months(5),
         "evaluation": "internal", "public": True},
        {"key": "hertfordshire-isva-renewal", "area": "hertfordshire",
         "title": "Exploitation ISVA, next grant period",
         "summary": "The post continues under a renewed grant.",
         "kind": "specialist_post", "themes": ["victim_support", "improvement"],
         "nrm_stages": ["before_nrm", "after_nrm", "outside_nrm"],
         "victim_groups": ["adult"], "status": "planned", "start": months(5),
         "end": months(17), "public": True},
        {"key": "wiltshire-go-bags", "area": "wiltshire", "title": "Victim go bags",
         "summary": "Bags of new clothes and toiletries handed out at the point of contact, "
                    "commissioned with the force. Victims said they felt cared for; the "
                    "number given out has doubled and the contents adapted.",
         "kind": "fund", "themes": ["victim_engagement"], "nrm_stages": ["before_nrm"],
         "victim_groups": ["adult", "child"], "status": "running", "public": True},
        {"key": "wiltshire-partnership", "area": "wiltshire",
         "title": "Anti-slavery partnership board",
         "summary": "A new board to widen partnership work over the coming year.",
         "kind": "partnership_body", "themes": ["partnership", "improvement"],
         "status": "planned", "public": True},
        {"key": "greater-manchester-team", "area": "greater-manchester",
         "title": "Modern slavery investigative team (pilot)",
         "summary": "A twelve-month pilot team of investigative support officers, a data "
                    "manager and a training co-ordinator, funded by the Deputy Mayor, "
                    "alongside the existing triage function. An independent evaluation "
                    "will look at what specialist investigation adds.",
         "kind": "investigative_team", "themes": ["investigation", "force_collaboration"],
         "status": "pilot", "end": months(2), "evaluation": "planned", "public": True},
        {"key": "greater-manchester-ngo-forum", "area": "greater-manchester",
         "title": "Modern slavery NGO forum",
         "summary": "Voluntary and community organisations share information on services, "
                    "build relationships and train each other, under the multi-agency "
                    "executive board. Members report concerns to the police with "
                    "confidence.",
         "kind": "partnership_body", "themes": ["partnership"], "status": "running",
         "public": True},
        {"key": "cumbria-accommodation", "area": "cumbria",
         "title": "Agreement with local authorities on temporary accommodation",
         "summary": "Through the county's community safety partnership, local authorities "
                    "agreed to let victims use their accommodation temporarily when an "
                    "immediate place is needed.",
         "kind": "accommodation", "themes": ["accommodation", "partnership"],
         "nrm_stages": ["before_nrm"], "victim_groups": ["adult"], "status": "running",
         "evaluation": "internal", "public": True},
        {"key": "cheshire-needs-assessment", "area": "cheshire",
         "title": "Victims' needs assessment, with victims of modern slavery",
         "summary": "A needs assessment that heard from victims of modern slavery directly, "
                    "to shape what the office commissions.",
         "kind": "needs_assessment", "themes": ["evidence"], "status": "ended",
         "end": datetime.date(2021, 9, 30), "public": True},
        {"key": "durham-network", "area": "durham", "title": "Modern slavery network",
         "summary": "A new network, funded by the commissioner, to give partners a shared "
                    "picture of support pathways for victims.",
         "kind": "partnership_body", "themes": ["partnership"], "status": "pilot",
         "public": True},
        {"key": "avon-somerset-welfare-visits", "area": "avon-and-somerset",
         "title": "Support workers on welfare visits",
         "summary": "Support workers from a charity join the police on welfare visits to "
                    "people who declined a referral, to build trust and signpost help.",
         "kind": "commissioned_service", "themes": ["victim_engagement", "victim_support"],
         "nrm_stages": ["outside_nrm"], "victim_groups": ["adult"], "provider": "Unseen",
         "status": "running", "end": months(4), "public": True},
        {"key": "avon-somerset-renewal", "area": "avon-and-somerset",
         "title": "Renewed victim support grant",
         "summary": "The grant is to be renewed after a review of the risks the inspection "
                    "identified.",
         "kind": "commissioned_service", "themes": ["improvement"],
         "nrm_stages": ["outside_nrm"], "status": "planned", "start": months(4),
         "public": True},
        {"key": "dyfed-powys-workers", "area": "dyfed-powys",
         "title": "Rights training for farm and construction workers",
         "summary": "A bid to teach a thousand workers in sectors that rely on low-paid "
                    "labour their rights and the signs of exploitation, with a campaign in "
                    "farming and construction.",
         "kind": "training", "themes": ["prevention"], "exploitation": ["labour"],
         "status": "planned", "public": True},
        {"key": "suffolk-advisors", "area": "suffolk",
         "title": "Modern slavery and vulnerable community advisors",
         "summary": "Advisors in the force, paid for from the precept, who analyse trends, "
                    "develop intelligence and target work with victims. A formal "
                    "evaluation is planned.",
         "kind": "specialist_post", "themes": ["force_collaboration", "evidence"],
         "status": "running", "evaluation": "planned", "public": True},
        {"key": "nottinghamshire-pre-nrm", "area": "nottinghamshire",
         "title": "Pre-NRM support pilot",
         "summary": "A charity-run pilot gave pre-referral support, including to people with "
                    "no recourse to public funds. It ended; funding is sought to run it "
                    "again.",
         "kind": "commissioned_service", "themes": ["victim_support"],
         "nrm_stages": ["before_nrm", "outside_nrm"], "victim_groups": ["adult"],
         "status": "ended", "end": datetime.date(2020, 3, 31), "evaluation": "internal",
         "public": True},
        {"key": "hampshire-accommodation", "area": "hampshire",
         "title": "Pre-NRM accommodation",
         "summary": "A private working note: housing teams and a possible partner are "
                    "discussing safe lodgings for people before a referral, once funding "
                    "is agreed.",
         "kind": "accommodation", "themes": ["accommodation"], "nrm_stages": ["before_nrm"],
         "status": "planned", "public": False},
        {"key": "london-campaigns", "area": "metropolitan",
         "title": "Campaigns through community organisations",
         "summary": "After referrals fell during the pandemic, communications campaigns run "
                    "through small organisations with links into communities that are hard "
                    "to reach.",
         "kind": "campaign", "themes": ["prevention", "covid"], "status": "running",
         "public": True},
        {"key": "north-wales-forum", "area": "north-wales",
         "title": "Modern slavery practitioners' forum",
         "summary": "A local forum for practitioners; a report on what it achieved is to be "
                    "commissioned after its first year.",
         "kind": "partnership_body", "themes": ["partnership"], "status": "running",
         "evaluation": "planned", "public": True},
    ]


def load(*, stdout: TextIO) -> None:
    today = timezone.localdate()
    added = 0
    for item in _entries(today):
        values = dict(item)
        key, slug = values.pop("key"), values.pop("area")
        others = [Area.objects.get(slug=s) for s in values.pop("others", [])]
        data = EntryFields(**values, other_areas=others)
        if load_demo_entry(key=key, area=Area.objects.get(slug=slug), data=data) is not None:
            added += 1
    stdout.write(f"  provision: {added} demonstration entries added\n")
