"""The learning module's writes, by part (cohorts.py …); import the part you need."""
