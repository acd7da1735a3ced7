from django import forms

from hamaynk.core.forms import FastSelect


class Choose(forms.Form):
    region = forms.ChoiceField(required=False, widget=FastSelect, choices=[
        ("", "All"), ("AM-KT", "Կոտայք"), ("AM-X", "<script>x</script>")])


def test_fast_select_renders_like_a_select_with_the_choice_selected_and_escaped():
    html = str(Choose({"region": "AM-KT"})["region"])
    assert html.startswith('<select name="region" id="id_region">')
    assert '<option value="AM-KT" selected>Կոտայք</option>' in html
    assert '<option value="">All</option>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
