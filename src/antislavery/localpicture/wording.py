"""The sentences of the local picture, shared by its page and its report."""

from __future__ import annotations

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .analysis import labels, stats
from .analysis.picture import AreaPicture, SourceNote


def chance_words(p_value: float) -> str:
    """How often chance alone would give a difference this large, in words."""
    if p_value < 0.001:
        return _("less than once in 1,000")
    if p_value < 0.01:
        return _("about %(n)s times in 1,000") % {"n": max(1, round(p_value * 1000))}
    if p_value >= 0.995:
        return _("almost always")
    return _("about %(n)s times in 100") % {"n": max(1, round(p_value * 100))}


def headline_sentence(picture: AreaPicture) -> str:
    headline = picture.headline
    unit = labels.measure_unit(picture.measure)
    if headline.last is None:
        return _("There is no complete figure for %(area)s for the four quarters %(period)s.") % {
            "area": picture.area_name, "period": picture.period_label}
    text = _("%(area)s had %(count)s %(unit)s in the four quarters %(period)s") % {
        "area": picture.area_name, "count": intcomma(headline.last), "unit": unit,
        "period": picture.period_label}
    if headline.previous is None:
        return text + "."
    return text + " " + _("against %(count)s in the four quarters before (%(period)s).") % {
        "count": intcomma(headline.previous), "period": picture.previous_label}


def change_sentence(change: stats.ChangeTest | None) -> str:
    """The change verdict with its p-value, said plainly."""
    if change is None:
        return _("Whether the figures changed cannot be said: a quarter in one of the two "
                 "periods has no figure.")
    chance = chance_words(change.p_value)
    p_text = (_("less than 0.001") if change.p_value < 0.001 else f"{change.p_value:.3f}")
    if change.verdict == stats.CLEAR_INCREASE:
        lead = _("This is a clear increase.")
    elif change.verdict == stats.CLEAR_DECREASE:
        lead = _("This is a clear decrease.")
    else:
        lead = _("This is no clear change.")
    return lead + " " + _(
        "If the underlying rate had stayed the same, a difference at least this large would "
        "happen by chance %(chance)s (p = %(p)s; exact Poisson test, 5%% level).") % {
        "chance": chance, "p": p_text}


def rate_sentence(picture: AreaPicture) -> str:
    headline = picture.headline
    if headline.rate is None or headline.rate_interval is None:
        return _("No rate per 100,000 people can be given: the store has no population figure "
                 "for this area, or the count is incomplete.")
    low, high = headline.rate_interval
    return _("That is %(rate).1f per 100,000 people (95%% confidence interval %(low).1f to "
             "%(high).1f), for a population of %(population)s.") % {
        "rate": headline.rate, "low": low, "high": high,
        "population": intcomma(headline.population)}


def caveats(measure: str, *, synthetic: bool) -> list[str]:
    """What a reader must know before using these figures."""
    items = [
        _("Figures are provisional. The Home Office re-extracts them from a live case system "
          "for each release, and later releases revise earlier quarters."),
        _("Where a referral is recorded is not always where the exploitation happened. A "
          "referral is counted against the police force where the exploitation is thought to "
          "have happened, or the force that identified the person; for exploitation abroad, "
          "against the force covering the person's or the referrer's address."),
        _("The counts are of potential victims referred, not of confirmed victims or of "
          "crimes. A few people are counted twice if they are referred more than once."),
        _("Age is age at the time of exploitation. Before mid-2019 almost no referral had an "
          "unknown age, so shares by age before and after are not strictly comparable."),
    ]
    if measure == "dtn_reports":
        items.append(_("Duty to Notify reports cover adults in England and Wales who did not "
                       "consent to a referral; they are not part of the NRM referral counts."))
    if synthetic:
        items.insert(0, synthetic_sentence())
    return items


def synthetic_sentence() -> str:
    return _("Synthetic figures: some or all of these figures are generated demonstration data, "
             "not official statistics. Do not use them for decisions.")


def source_line(note: SourceNote) -> str:
    parts = [note.title]
    if note.source and note.source != note.title:
        parts.append(note.source)
    if note.publisher:
        parts.append(note.publisher)
    text = ", ".join(parts)
    if note.published_on:
        text += " " + _("(published %(date)s)") % {
            "date": date_format(note.published_on, "j F Y")}
    if note.synthetic:
        text += " " + _("[synthetic]")
    if note.private:
        text += " " + _("[private to the office and coordinators]")
    return text


def revision_lines(picture: AreaPicture) -> list[str]:
    lines = []
    for revision in picture.revisions:
        what = (labels.measure_label(picture.measure) if not revision.breakdown
                else _("%(measure)s (%(breakdown)s)") % {
                    "measure": labels.measure_label(picture.measure),
                    "breakdown": breakdown_words(revision.breakdown)})
        lines.append(_("%(what)s for %(period)s: revised from %(before)s to %(after)s.") % {
            "what": what, "period": revision.period.replace("-Q", " Q"),
            "before": _number(revision.before), "after": _number(revision.after)})
    return lines


def breakdown_words(breakdown: str) -> str:
    pairs = [pair.split("=", 1) for pair in breakdown.split(";") if "=" in pair]
    return ", ".join(labels.value_label(d, v) for d, v in pairs)


def _number(value: int | None) -> str:
    return intcomma(value) if value is not None else _("no figure")
