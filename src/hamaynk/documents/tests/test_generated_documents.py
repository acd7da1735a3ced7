"""Every generated Armenian document, rendered from factory data (long names included), reads
as an official Armenian text: the typography check passes, and each names its parties,
dates and amounts the way formal documents do.

The documents are checked as the HTML WeasyPrint lays out (the PDF says the same words).
"""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from hamaynk.demo.management.commands.load_demo import M4EG_COUNCIL_TEXTS
from hamaynk.documents import council
from hamaynk.documents.pdf_writer import render_html
from hamaynk.documents.typography import assert_armenian_typography, document_text
from hamaynk.grants import copies, selectors
from hamaynk.grants.models import Determination
from hamaynk.networks.documents import package_for
from hamaynk.networks.models import CouncilTemplate
from hamaynk.questionnaires.schema import empty_definition
from hamaynk.tests_support import (
    AffiliationFactory,
    CommunityFactory,
    GrantApplicationFactory,
    GrantFactory,
    RegionFactory,
    TrancheFactory,
)

NETWORK_QUOTED = "«Համայնքի ղեկավարները հանուն տնտեսական զարգացման»"
LONG_COMMUNITY = "Սևանի լճի ափամերձ Ծովագյուղ-Շորժա-Ճամբարակ"
LONG_HEAD = "Աստղիկ-Մարիամ Տեր-Ղևոնդյան-Հովհաննիսյան"
NEW_YEARS_EVE = datetime.datetime(2026, 12, 31, 9, 0, tzinfo=datetime.UTC)  # 13:00 in Yerevan


@pytest.fixture
def tavush(world):
    world.tavush.genitive_hy = "Տավուշի"
    world.tavush.save()
    return world.tavush


@pytest.fixture
def dilijan_grant(world, tavush):
    world.other_head.full_name = "Գևորգ Ավետիսյան"
    world.other_head.save()
    application = GrantApplicationFactory(
        community=world.dilijan, call__network=world.network, call__currency="EUR",
        form_version__definition=empty_definition(),
        title="Դիլիջանի երիտասարդական նորարարական կենտրոն",
        answers={"title": "Դիլիջանի երիտասարդական նորարարական կենտրոն",
                 "summary": "Կենտրոնը կաջակցի երիտասարդներին, ձեռներեցներին և դպրոցներին։"})
    grant = GrantFactory(application=application, amount=Decimal("38000"),
                         awarded_at=NEW_YEARS_EVE)
    TrancheFactory(grant=grant, order=1, amount=Decimal("38000"),
                   due_date=datetime.date(2027, 3, 1))
    return grant


@pytest.fixture
def long_named(world):
    """A community with a long name in a marz with a long genitive, and a long-named head."""
    region = RegionFactory(code="AM-GR", name_hy="Գեղարքունիք", name_en="Gegharkunik",
                           genitive_hy="Գեղարքունիքի")
    community = CommunityFactory(region=region, name_hy=LONG_COMMUNITY, name_en="Long")
    AffiliationFactory(community=community, role="head", user__full_name=LONG_HEAD)
    return community


def agreement_text(grant, user, language="hy"):
    agreement = selectors.agreement_for_viewer(pk=grant.pk, user=user)
    with translation.override(language):
        html = render_to_string("grants/agreement.html", {
            "agreement": agreement, "grant": grant, "tranches": agreement.tranches,
            "language": language})
    return document_text(html)


def test_agreement_names_the_community_with_its_marz_and_its_head(world, dilijan_grant):
    text = agreement_text(dilijan_grant, world.secretariat)
    assert_armenian_typography(text)
    assert "Տավուշի մարզի Դիլիջան համայնքը (այսուհետ՝ դրամաշնորհառու)" in text
    assert f"{NETWORK_QUOTED} ցանցի քարտուղարությունը" in text
    assert "Համայնքի ղեկավար՝ Գևորգ Ավետիսյան" in text
    assert "Դրամաշնորհի գումարը՝ 38\xa0000,00 EUR (երեսունութ հազար եվրո)" in text
    assert "((" not in text and text.count("երեսունութ") == 1
    assert "2026 թ. դեկտեմբերի 31" in text  # the award date
    assert "2027 թ. մարտի 1" in text  # the tranche's due date


def test_agreement_in_english_reads_naturally(world, dilijan_grant):
    text = agreement_text(dilijan_grant, world.secretariat, "en")
    assert "Dilijan community, Tavush (the grantee)" in text
    assert "The secretariat of “Mayors for Economic Growth” (the grantor)" in text
    assert "Amount of the grant: 38,000.00 EUR" in text
    assert "31 December 2026" in text
    assert "երեսունութ" not in text


def test_agreement_of_a_long_named_community(world, long_named):
    grant = GrantFactory(application=GrantApplicationFactory(
        community=long_named, call__network=world.network, title="Նախագիծ"),
        amount=Decimal("1352500.50"), currency="EUR", awarded_at=NEW_YEARS_EVE)
    text = agreement_text(grant, world.secretariat)
    assert_armenian_typography(text)
    assert f"Գեղարքունիքի մարզի {LONG_COMMUNITY} համայնքը" in text
    assert f"Համայնքի ղեկավար՝ {LONG_HEAD}" in text
    assert ("1\xa0352\xa0500,50 EUR (մեկ միլիոն երեք հարյուր հիսուներկու հազար հինգ հարյուր "
            "եվրո 50 ցենտ)") in text


def test_agreement_without_a_verified_head_names_none(world, dilijan_grant):
    world.other_head.affiliations.update(status="pending")
    text = agreement_text(dilijan_grant, world.secretariat)
    assert_armenian_typography(text)
    assert "Համայնքի ղեկավար՝" not in text
    assert "ի դեմս համայնքի ղեկավարի" in text


@pytest.mark.parametrize("outcome", ["award", "reject", "more_info"])
def test_decision_letter(world, dilijan_grant, outcome):
    determination = Determination.objects.create(
        application=dilijan_grant.application, outcome=outcome,
        amount=Decimal("38000") if outcome == "award" else None,
        reason="Նախագիծը համապատասխանում է մրցույթի պայմաններին, իսկ բյուջեն՝ հիմնավորված։")
    Determination.objects.filter(pk=determination.pk).update(created_at=NEW_YEARS_EVE)
    determination.refresh_from_db()
    text = document_text(copies.decision_letter_html(determination, "hy"))
    assert_armenian_typography(text)
    assert "2026 թ. դեկտեմբերի 31" in text
    assert f"{NETWORK_QUOTED} ցանցի քարտուղարություն" in text
    assert "Որոշման հիմնավորումը․" in text
    assert text.startswith(f"{NETWORK_QUOTED[1:-1]}\n2026 թ. դեկտեմբերի 31\n"
                           "Տավուշի մարզի Դիլիջան համայնքի ղեկավարին")


def test_submission_copy(world, dilijan_grant):
    application = dilijan_grant.application
    application.submitted_at = NEW_YEARS_EVE
    application.save()
    text = document_text(copies.submission_html(application, "hy"))
    assert_armenian_typography(text)
    assert "2026 թ. դեկտեմբերի 31, 13:00" in text


@pytest.fixture
def seeded_council_texts(world):
    CouncilTemplate.objects.create(network=world.network, language="hy",
                                   **M4EG_COUNCIL_TEXTS["hy"])


@pytest.mark.parametrize("document", list(council.DOCUMENTS))
@pytest.mark.parametrize("who", ["akunk", "long_named"])
def test_council_documents_from_the_seed_texts(world, seeded_council_texts, long_named,
                                               document, who):
    community = world.akunk if who == "akunk" else long_named
    package = package_for(network=world.network, community=community,
                          today=datetime.date(2026, 12, 31))
    blocks = council.build_blocks(package, document)
    text = document_text(render_html(blocks, title=document))
    assert_armenian_typography(text)
    assert text.endswith("2026 թ. դեկտեմբերի 31")
    if document == "justification":
        assert f"{NETWORK_QUOTED} (ՀՀՏԶ/M4EG) ծրագիրը" in text
        assert "(Հայաստան, Մոլդովա, Ուկրաինա)" in text
    if document == "decision":
        assert "25-րդ կետով՝" in text


def test_formal_date_filter():
    template = Template("{% load documents %}{{ day|formal_date }}|{{ moment|formal_date }}|"
                        "{{ nothing|formal_date }}")
    context = Context({"day": datetime.date(2026, 12, 31), "moment": NEW_YEARS_EVE,
                       "nothing": None})
    with translation.override("hy"):
        assert template.render(context) == "2026 թ. դեկտեմբերի 31|2026 թ. դեկտեմբերի 31|"
    with translation.override("en"):
        assert template.render(context) == "31 December 2026|31 December 2026|"


def test_amount_in_words_filter():
    template = Template("{% load documents %}{{ amount|amount_in_words:currency }}")
    context = Context({"amount": Decimal("38000.00"), "currency": "EUR"})
    with translation.override("hy"):
        assert template.render(context) == "երեսունութ հազար եվրո"
        assert template.render(Context({"amount": 5, "currency": "GBP"})) == ""
    with translation.override("en"):
        assert template.render(context) == ""
