from django.utils import translation

from hamaynk.core.models import StoredFile


def test_choice_label_follows_the_active_language():
    stored = StoredFile(visibility=StoredFile.Visibility.PUBLIC)
    with translation.override("en"):
        english = stored.get_visibility_display()
    with translation.override("hy"):
        armenian = stored.get_visibility_display()
    assert english == "public"
    assert armenian != english and armenian  # the catalogue's Armenian label


def test_choice_label_of_a_value_not_in_the_choices_is_the_value():
    assert StoredFile(visibility="elsewhere").get_visibility_display() == "elsewhere"


def test_choice_label_is_the_same_as_djangos_own():
    from django.db import models

    field = StoredFile._meta.get_field("visibility")
    for value, _label in StoredFile.Visibility.choices:
        stored = StoredFile(visibility=value)
        assert stored.get_visibility_display() == models.Model._get_FIELD_display(stored, field)
