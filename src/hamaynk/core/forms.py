from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Our own field template: label, help, the input, and the error right beside it."""

    field_template_name = "components/field.html"
