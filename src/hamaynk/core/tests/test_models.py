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

