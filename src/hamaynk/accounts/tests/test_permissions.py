

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


def test_signed_in_user_comes_with_their_network_roles_in_one_query(client, world,
                                                                     django_assert_num_queries):
    from hamaynk.accounts.backends import EmailBackend
    from hamaynk.accounts.permissions import network_role_pairs, verified_community_ids
    from hamaynk.networks.models import Network, NetworkRole

    other = Network.objects.create(slug="other-net", name_hy="Այլ", name_en="Other",
                                   short_name="OTH")
    NetworkRole.objects.create(user=world.secretariat, network=other, role="reviewer")
    with django_assert_num_queries(1):
        user = EmailBackend().get_user(world.secretariat.pk)
        pairs = network_role_pairs(user)
    assert sorted(pairs) == sorted([("secretariat", world.network.pk), ("reviewer", other.pk)])
    with django_assert_num_queries(1):
        head = EmailBackend().get_user(world.head.pk)
        assert network_role_pairs(head) == []
        assert verified_community_ids(head) == {world.akunk.pk}
        assert verified_community_ids(user) == set()


def test_a_page_reads_no_role_table_of_its_own(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.secretariat)
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/").content.decode()
    assert "/grants/manage/" in page  # the secretariat's menu: the roles were known
    assert not any(q["sql"].startswith(('SELECT "networks_networkrole"',
                                        'SELECT "communities_affiliation"'))
                   for q in ctx.captured_queries)
    assert any("networks_networkrole" in q["sql"] and "accounts_user" in q["sql"]
               for q in ctx.captured_queries)  # read with the user


def test_get_user_refuses_inactive_missing_and_malformed_ids(world):
    from hamaynk.accounts.backends import EmailBackend
    from hamaynk.accounts.models import User

    backend = EmailBackend()
    assert backend.get_user(str(world.head.pk)) == world.head  # the session keeps a string
    User.objects.filter(pk=world.head.pk).update(is_active=False)
    assert backend.get_user(world.head.pk) is None
    assert backend.get_user(10**9) is None
    assert backend.get_user("not-an-id") is None
