"""The learning module's pages, by part (cohorts.py …)."""
