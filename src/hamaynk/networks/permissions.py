"""Who may do what in a network, as named predicates (django `rules`). Each asks the object's
owner (`ownership()`: its network and community), never its type."""

import rules

from hamaynk.accounts.permissions import acts_for_the_owner, heads_the_owner, serves_the_owner

rules.add_perm("networks.manage_team", serves_the_owner)
rules.add_perm("networks.manage_settings", serves_the_owner)
rules.add_perm("networks.review_applications", serves_the_owner)
rules.add_perm("networks.prepare_application", acts_for_the_owner)
rules.add_perm("networks.sign_application", heads_the_owner)
rules.add_perm("networks.view_application", serves_the_owner | acts_for_the_owner)
rules.add_perm("networks.decide_application", serves_the_owner)
rules.add_perm("networks.view_membership", serves_the_owner | acts_for_the_owner)
rules.add_perm("networks.submit_plan", acts_for_the_owner)
rules.add_perm("networks.decide_plan", serves_the_owner)
rules.add_perm("networks.manage_membership", serves_the_owner)
rules.add_perm("networks.withdraw_membership", heads_the_owner)
