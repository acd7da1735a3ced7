"""Questionnaires: versioned question sets and their answers, used by any module that asks
people questions (grant applications and reports today). See schema.py for the JSON."""
