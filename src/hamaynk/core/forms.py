from typing import Any

from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.forms.widgets import Select
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class FormRenderer(TemplatesSetting):
    """Our own field template: label, help, the input, and the error right beside it."""

    field_template_name = "components/field.html"


class FastSelect(Select):
    """A <select> rendered in Python. Django renders every <option> through a template,
    which costs ~0.2 ms an option: a region filter with 75 regions on every list page was a
    fifth of the page's time under load."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> SafeString:
        context = self.get_context(name, value, attrs)["widget"]
        # The options as get_context computed them (the choices are iterated once: for a
        # model choice field, iterating again would query again).
        options = format_html_join(
            "", "<option value=\"{}\"{}>{}</option>",
            ((option["value"], mark_safe(" selected") if option["selected"] else "",  # noqa: S308
              option["label"])
             for _group, group_options, _index in context["optgroups"]
             for option in group_options))
        extra = flatatt(context["attrs"])
        return format_html("<select name=\"{}\"{}>{}</select>", name, extra, options)
