"""No module of src/ (tests and migrations apart) reads Django's private attributes: what
they hold and mean changes between Django versions without notice. `Model._meta`,
`_default_manager` and `_base_manager` are documented API and allowed."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[3]  # the repository's src/
PRIVATE = {
    r"\._state\b": "Model._state",
    r"\bfields_cache\b": "the related-object cache (_state.fields_cache)",
    r"\balias_refcount\b": "Query.alias_refcount",
    r"\balias_map\b": "Query.alias_map",
    r"\.query\.where\b": "Query.where",
    r"\b_get_FIELD_display\b": "Model._get_FIELD_display",
    r"\.__dict__\b": "an object's __dict__ (a model's loaded values and caches)",
    r"\b_choice_labels\b": "a label table kept on a field",
    r"\b_prefetched_objects_cache\b": "the prefetch cache",
    r"\._result_cache\b": "QuerySet._result_cache",
    r"\._iterable_class\b": "QuerySet._iterable_class",
    r"\._known_related_objects\b": "QuerySet._known_related_objects",
    r"\._prefetch_related_lookups\b": "QuerySet._prefetch_related_lookups",
    r"\._(?:clone|chain|filter_or_exclude|next_is_sticky)\(": "QuerySet's private methods",
    r"\.query\.(?:get_compiler|annotations|select_related|group_by|combinator|low_mark|"
    r"high_mark|distinct_fields|values_select|default_ordering)\b": "Query internals",
}
ALLOWED = re.compile(r"\._meta\b|\b_default_manager\b|\b_base_manager\b")


def sources() -> list[Path]:
    skipped = {"tests", "migrations", "__pycache__"}
    return sorted(path for path in SRC.rglob("*.py")
                  if not skipped.intersection(path.relative_to(SRC).parts))


def private_uses(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, what in PRIVATE.items():
            if re.search(pattern, ALLOWED.sub("", line)):
                found.append((number, what))
    return found


def test_no_module_reads_djangos_private_api():
    found = [f"{path.relative_to(SRC.parent)}:{number}: {what}"
             for path in sources() for number, what in private_uses(path.read_text())]
    assert found == [], "Django's private API in src/:\n" + "\n".join(found)


def test_the_check_finds_what_it_forbids_and_allows_documented_api():
    assert SRC.name == "src" and any(path.name == "models.py" for path in sources())
    assert [w for _n, w in private_uses("row._state.fields_cache")] == [
        "Model._state", "the related-object cache (_state.fields_cache)"]
    assert private_uses("x = qs.query.where.as_sql(c, conn)")
    assert private_uses("obj.__dict__.get('_prefetched_objects_cache')")
    assert private_uses("qs._result_cache = None") and private_uses("qs._clone()")
    assert private_uses("def _get_FIELD_display(self, field):")
    assert not private_uses("model._meta.get_field('name'); Model._default_manager.all()")
    assert not private_uses("related._base_manager.filter(pk=1)")
