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


def test_fast_select_matches_djangos_select_markup():
    class Both(forms.Form):
        fast = forms.ChoiceField(required=False, widget=FastSelect, choices=[
            ("", "Any"), ("a&b", 'Say "hi"'), ("Group", [("x", "X"), ("y", "<Y>")])])
        slow = forms.ChoiceField(required=False, choices=[
            ("", "Any"), ("a&b", 'Say "hi"'), ("Group", [("x", "X"), ("y", "<Y>")])])

    form = Both({"fast": "y", "slow": "y"})
    fast = " ".join(str(form["fast"]).replace("fast", "F").split())
    slow = " ".join(str(form["slow"]).replace("slow", "F").split())
    assert fast.replace("> <", "><") == slow.replace("> <", "><")


def test_fast_select_keeps_required_and_other_attributes():
    class Required(forms.Form):
        kind = forms.ChoiceField(widget=FastSelect(attrs={"class": "wide"}),
                                 choices=[("", "—"), ("a", "A")])

    html = str(Required()["kind"])
    assert 'class="wide"' in html and "required" in html and 'id="id_kind"' in html
