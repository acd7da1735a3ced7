"""Council paperwork: the draft decision, its justification and budget note, as DOCX and PDF.

The app has no models: every document is rendered from a plain ``CouncilPackage`` value,
so it can be used (and tested) without a database.
"""
