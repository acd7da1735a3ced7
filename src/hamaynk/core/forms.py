from typing import Any

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Our own field template: label, help, the input, and the error right beside it."""

    field_template_name = "components/field.html"


def first_error(form: Any) -> str:
    """The first message of an invalid form, for a form of buttons on a list page whose
    refusal is shown as a message above the list."""
    for errors in form.errors.values():
        for error in errors:
            return str(error)
    return ""
