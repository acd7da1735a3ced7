

def test_rules_permissions_do_not_read_the_model_permission_tables(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert world.secretariat.has_perm("accounts.use_secretariat_tools")
        assert not world.head.has_perm("accounts.use_secretariat_tools")
    assert not any("auth_permission" in q["sql"] for q in ctx.captured_queries)


def test_model_permissions_still_work_for_the_admin(world):
    from django.contrib.auth.models import Permission

    assert not world.staff.has_perm("communities.change_community")
    world.staff.user_permissions.add(Permission.objects.get(codename="change_community"))
    from hamaynk.accounts.models import User

    assert User.objects.get(pk=world.staff.pk).has_perm("communities.change_community")
