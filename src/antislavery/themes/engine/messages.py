"""Words of the engine that people read, marked for translation.

``makemessages`` reads Python and templates, not YAML, so each rule's reason in
``data/rules.yaml`` is repeated here word for word; pages pass a stored reason through
``gettext`` to show it in the reader's language. ``tests/themes/test_rules.py`` keeps this
list and the rules file the same.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation; ``makemessages`` finds it by this name. Unlike
    Django's own, it needs no settings, so the engine runs offline (bench, command line)."""
    return message

RULE_REASONS = frozenset({
    gettext_noop("Names a post whose job is to support victims, which the codebook counts as "
                 "victim support."),
    gettext_noop("Refers to victim services that are commissioned or provided locally."),
    gettext_noop("Says the commissioner's office and the force are doing something together."),
    gettext_noop("Describes the commissioner holding the chief constable to account or seeking "
                 "assurance."),
    gettext_noop("Names a partnership, network or forum of agencies beyond the police."),
    gettext_noop("Describes awareness raising, outreach or training to stop exploitation."),
    gettext_noop("Describes work to stop exploitation before it happens or happens again, such "
                 "as teaching people outside the police to recognise it."),
    gettext_noop("Describes investigation, intelligence, disruption or prosecution."),
    gettext_noop("Concerns children or young people and the exploitation that reaches them."),
    gettext_noop("Describes a needs assessment, data analysis, research or evaluation."),
    gettext_noop("Concerns interpreting, translation or victims' languages."),
    gettext_noop("Concerns victims' trust and engagement, consent to referral or declining "
                 "support."),
    gettext_noop("Concerns housing, a safe place to stay or subsistence for victims."),
    gettext_noop("Mentions the Covid-19 pandemic or its restrictions."),
    gettext_noop("Describes something planned, being set up or still to come."),
    gettext_noop("Concerns the time before a referral is made."),
    gettext_noop("Concerns people waiting for a decision on their referral."),
    gettext_noop("Concerns people after a decision on their referral or leaving national support."),
    gettext_noop("Concerns people who decline, or cannot have, a referral."),
    gettext_noop("Names sexual exploitation."),
    gettext_noop("Names labour exploitation or a sector where it is common."),
    gettext_noop("Names criminal exploitation, county lines or forced criminality."),
    gettext_noop("Names domestic servitude."),
    gettext_noop("Names trafficking for organ removal."),
    gettext_noop("Concerns adult victims."),
    gettext_noop("Describes a service under contract or grant."),
    gettext_noop("Describes a fund or budget set aside for a purpose."),
    gettext_noop("Describes training of professionals or workers."),
    gettext_noop("Describes a communications or awareness campaign."),
    gettext_noop("Describes a multi-agency case conference or panel."),
    gettext_noop("Describes a needs assessment or mapping exercise."),
    gettext_noop("Describes a dedicated investigative or intelligence team."),
    gettext_noop("Describes a formal evaluation."),
})
