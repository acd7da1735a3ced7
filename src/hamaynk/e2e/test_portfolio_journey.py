"""A portfolio in a browser (issue 16): Akunk's head writes the mission, two challenges, a
stakeholder chosen from the shared registry and three interventions, and applies to an
open seed call for the third, which then shows the grant; the coach holds a
sensemaking session that stops one intervention and scales another, downloads its pack and
compares the snapshots before and after. In Armenian and English, at 1280 and 375 px;
screenshots go to /tmp (never into the repository)."""

import re
from pathlib import Path

import pytest
from django.utils import timezone, translation

from hamaynk.communities import services as registry
from hamaynk.communities.models import Organisation
from hamaynk.core.models import AuditEntry
from hamaynk.documents.tests.test_council import pdf_text
from hamaynk.e2e.test_coaching_journey import a_cohort_with_akunk, sign_out, switch_to
from hamaynk.e2e.test_csp import open_call
from hamaynk.e2e.test_journeys import sign_in
from hamaynk.grants.models import Application
from hamaynk.portfolios.models import GrantLink, Intervention
from hamaynk.portfolios.services.portfolio import portfolio_start

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/hamaynk-portfolio-shots")  # noqa: S108 - screenshots, outside the repo
MISSION = ("Չորս տարում Ակունքի տնային տնտեսությունների 30 տոկոսը եկամուտ կստանա "
           "ոչ գյուղատնտեսական գործունեությունից")
CHALLENGES = ("Երիտասարդների արտագաղթ", "Բերքի վերամշակման բացակայություն")
INTERVENTIONS = ("Չրերի արտադրամաս", "Գյուղական զբոսաշրջության երթուղի", "Կաթի հավաքման կետ")
ORGANISATION = {"hy": "Հայկական կանաչ հիմնադրամ", "en": "Armenian Green Foundation"}
STOP_REASON = "Շուկան փոքր է, գնորդներ չգտանք"


def snap(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def both_widths(page, name: str) -> None:  # type: ignore[no-untyped-def]
    snap(page, f"{name}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    snap(page, f"{name}-375")
    page.set_viewport_size({"width": 1280, "height": 900})


def submit(page) -> None:  # type: ignore[no-untyped-def]
    page.click("main form.stack button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["hy", "en"])
def test_the_head_fills_the_portfolio_and_the_coach_stops_and_scales_in_a_session(
        page, world, language):
    _cohort, member = a_cohort_with_akunk(world)
    portfolio = portfolio_start(member=member, actor=world.head)
    organisation = registry.organisation_add(
        actor=world.secretariat, kind=Organisation.Kind.NGO,
        name_hy=ORGANISATION["hy"], name_en=ORGANISATION["en"])
    horizon = str(timezone.localdate().year + 4)
    call = open_call(world)

    # the head: header → index → the portfolio, then mission, challenges, stakeholder
    sign_in(page, world.head.email)
    page.wait_for_load_state()
    switch_to(page, language)
    page.goto("/")
    page.click("header a[href='/portfolios/']")
    page.wait_for_url(re.compile(r"/portfolios/$"))
    page.click(f"a[href='{portfolio.get_absolute_url()}']")
    page.wait_for_url(re.compile(r"/portfolios/\d+/$"))
    page.click(f"#mission a[href='/portfolios/{portfolio.pk}/mission/']")
    page.fill("#id_statement_hy", MISSION)
    page.fill("#id_horizon", horizon)
    page.fill("#id_indicator_hy", "Ոչ գյուղատնտեսական եկամուտ ունեցող տնային տնտեսություններ")
    page.fill("#id_unit", "%")
    page.fill("#id_baseline", "8")
    page.fill("#id_target", "30")
    submit(page)
    page.wait_for_url(re.compile(rf"/portfolios/{portfolio.pk}/(#mission)?$"))
    assert MISSION in page.locator("#mission").inner_text()
    for title in CHALLENGES:
        page.goto(portfolio.get_absolute_url())
        page.click(f"#challenges a[href='/portfolios/{portfolio.pk}/challenges/new/']")
        page.fill("#id_title_hy", title)
        submit(page)
        page.wait_for_url(re.compile(r"/portfolios/challenge/\d+/$"))
    page.goto(portfolio.get_absolute_url())
    page.click(f"#stakeholders a[href='/portfolios/{portfolio.pk}/stakeholders/new/']")
    page.fill("#id_q", "կանաչ")
    page.click("main form[role=search] button[type=submit]")
    page.wait_for_load_state()
    page.click(f"form:has(input[name=organisation][value='{organisation.pk}']) button")
    page.wait_for_load_state()
    page.fill("#id_role", "Ֆինանսավորող")
    page.check("input[name=influence][value='4']")
    page.check("input[name=interest][value='5']")
    submit(page)
    page.wait_for_url(re.compile(rf"/portfolios/{portfolio.pk}/(#stakeholders)?$"))
    assert ORGANISATION[language] in page.locator("#stakeholders").inner_text()
    for title in INTERVENTIONS:
        page.goto(portfolio.get_absolute_url())
        page.click(f"#interventions a[href='/portfolios/{portfolio.pk}/interventions/new/']")
        page.fill("#id_title_hy", title)
        page.fill("#id_hypothesis_if", f"Եթե ստեղծենք «{title}»")
        page.fill("#id_hypothesis_then", "ապա եկամուտները կաճեն")
        submit(page)
        page.wait_for_url(re.compile(r"/portfolios/intervention/\d+/$"))
    stopped, scaled, kept = Intervention.objects.filter(portfolio=portfolio).order_by("pk")
    # scaling starts from testing (the state table): the head moves it on its page
    page.goto(scaled.get_absolute_url())
    page.check("#move input[name=to][value=testing]")
    page.click("#move button[type=submit]")
    page.wait_for_url(re.compile(r"/portfolios/intervention/\d+/$"))
    # a seed grant for the third: applied for from its page, the draft names it
    page.goto(kept.get_absolute_url())
    page.select_option("#grants select[name=call]", str(call.pk))
    page.click("#grants button[type=submit]")
    page.wait_for_url(re.compile(r"/grants/applications/\d+/$"))
    application = Application.objects.get(call=call, community=world.akunk)
    assert INTERVENTIONS[2] in page.locator("main").inner_text()
    assert GrantLink.objects.get(application=application).intervention == kept
    page.click(f"main a[href='{kept.get_absolute_url()}']")
    page.wait_for_url(re.compile(r"/portfolios/intervention/\d+/$"))
    with translation.override(language):
        assert call.title in page.locator("#grants").inner_text()
    both_widths(page, f"intervention-grant-{language}")
    page.goto(portfolio.get_absolute_url())
    main = page.locator("main").inner_text()
    assert all(title in main for title in (*CHALLENGES, *INTERVENTIONS))
    both_widths(page, f"portfolio-{language}")
    sign_out(page)

    # the coach: a session from the portfolio page, patterns, stop and scale, closed
    sign_in(page, world.coach.email)
    page.wait_for_load_state()
    switch_to(page, language)
    page.goto(portfolio.get_absolute_url())
    page.click(f"#sessions a[href='/portfolios/{portfolio.pk}/session/new/']")
    page.check(f"input[name=participants][value='{world.head.pk}']")
    submit(page)
    page.wait_for_url(re.compile(r"/portfolios/session/\d+/$"))
    session_url = page.url
    page.fill("#id_patterns", "Զբոսաշրջությունը հետաքրքրում է երիտասարդներին։")
    page.click("#patterns button[type=submit]")
    page.wait_for_url(re.compile(r"/portfolios/session/\d+/$"))
    for kind, which, reason in (("stop", stopped, STOP_REASON),
                                ("scale", scaled, "Փորձարկումը հաջող էր")):
        page.select_option("#id_kind", kind)
        page.select_option("#id_intervention", str(which.pk))
        page.fill("#id_reason", reason)
        page.click("#decision-form button[type=submit]")
        page.wait_for_url(re.compile(r"/portfolios/session/\d+/$"))
        assert reason in page.locator("#decisions").inner_text()
    pack_href = page.get_attribute("a[href$='/pack.pdf']", "href")
    page.click("form:has(input[name=action][value=close]) button")
    page.click("main button[name=confirmed][value=yes]")
    page.wait_for_url(session_url)
    stopped.refresh_from_db()
    scaled.refresh_from_db()
    assert stopped.status == Intervention.Status.STOPPED
    assert stopped.stop_reason == STOP_REASON
    assert scaled.status == Intervention.Status.SCALING
    moves = AuditEntry.objects.filter(action="portfolios.intervention.moved")
    assert {(m.data["intervention"], m.data["reason"]) for m in moves} >= {
        (stopped.pk, STOP_REASON), (scaled.pk, "Փորձարկումը հաջող էր")}
    assert AuditEntry.objects.filter(action="portfolios.decision.applied").count() == 2

    # the session pack carries the Armenian mission
    response = page.request.get(pack_href)
    assert response.ok
    assert response.headers["content-type"].startswith("application/pdf")
    assert MISSION in pdf_text(response.body())

    # snapshots: before and after the session; the stopped intervention's status change
    page.goto(f"/portfolios/{portfolio.pk}/snapshots/")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/snapshots/compare/"))
    changes = page.locator("#changes").inner_text()
    assert INTERVENTIONS[0] in changes
    stopped_row = page.locator("#changes tr", has_text=INTERVENTIONS[0]).inner_text()
    with translation.override(language):
        assert str(Intervention.Status.STOPPED.label) in stopped_row
    both_widths(page, f"compare-{language}")
