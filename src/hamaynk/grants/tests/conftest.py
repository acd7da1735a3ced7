import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from hamaynk.grants import services
from hamaynk.grants.models import Call


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


def call_values(**overrides):
    now = timezone.now()
    values = {
        "kind": "seed", "slug": "seed-2026", "title_hy": "Մեկնարկային դրամաշնորհներ",
        "title_en": "Seed grants", "description_hy": "", "description_en": "",
        "currency": "USD", "envelope": Decimal("100000"), "min_award": Decimal("5000"),
        "max_award": Decimal("20000"), "min_cofinancing_pct": Decimal("10"),
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=30),
        "eligible_statuses": [], "eligible_countries": ["AM"], "requires_completed_kind": "",
    }
    return {**values, **overrides}


@pytest.fixture
def open_call(world) -> Call:
    call = services.call_create(network=world.network, actor=world.secretariat, **call_values())
    services.form_question_save(call=call, actor=world.secretariat, section_key="project",
                                question={"key": "months", "type": "number", "required": True,
                                          "label_hy": "Տևողություն", "min_value": "3",
                                          "max_value": "24"})
    return services.call_move(call=call, actor=world.secretariat, target="open")


@pytest.fixture
def draft(world, open_call):
    return services.application_start(call=open_call, community=world.akunk, actor=world.staff)


def fill(world, application, *, requested="15000", own="2000"):
    services.application_save_section(
        application=application, actor=world.staff, expected_version=application.version,
        answers={"title": "Ակունքի գյուղատնտեսական կոոպերատիվ", "summary": "Համառոտ",
                 "months": "12"})
    category = application.call.budget_categories.first()
    services.budget_line_save(application=application, actor=world.staff, category=category,
                              description="Սարքավորումներ", requested=Decimal(requested),
                              own_contribution=Decimal(own))
    application.refresh_from_db()
    return application
