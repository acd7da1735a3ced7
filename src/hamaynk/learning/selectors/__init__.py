"""The learning module's typed reads for views, the API and (later) the results module, by
part (catalogue.py, enrolment.py)."""
