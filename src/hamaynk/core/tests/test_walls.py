"""No app reaches another app's models with `apps.get_model`: such a call walks round the
import contract (pyproject.toml, `lint-imports`), which sees only imports. A module asks for
its own app's models, or imports what it may use. Migrations (historical models) and the
backup, which enumerates every model on purpose, are the exceptions; tests may reach
anything, as the import contract lets them."""

import ast
from pathlib import Path

from django.apps import apps

SRC = Path(__file__).resolve().parents[2]  # src/hamaynk
ALLOWED = {SRC / "core" / "backup.py"}


def _is_test_code(path: Path) -> bool:
    parts = path.relative_to(SRC).parts
    return ("tests" in parts or "migrations" in parts or parts[0] == "e2e"
            or path.name in {"conftest.py", "tests_support.py"})


def cross_app_get_models(source: str, own_label: str | None) -> list[str]:
    """The `get_model(...)` calls in `source` that name another app's model, or a model
    given by a variable (which could be any app's)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name != "get_model":
            continue
        first = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg in {"app_label", "model_name"}), None)
        if isinstance(first, ast.Constant) and isinstance(first.value, str) \
                and first.value.split(".")[0] == own_label:
            continue
        found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def _own_label(path: Path) -> str | None:
    module = ".".join(("hamaynk", *path.relative_to(SRC).with_suffix("").parts))
    config = apps.get_containing_app_config(module)
    return config.label if config else None


def test_no_module_reaches_another_apps_models_with_get_model():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path in ALLOWED or _is_test_code(path):
            continue
        for call in cross_app_get_models(path.read_text(encoding="utf-8"), _own_label(path)):
            offenders.append(f"{path.relative_to(SRC)} {call}")
    assert offenders == [], "import the model (or ask its app's selectors) instead:\n" + \
        "\n".join(offenders)


def test_the_check_finds_every_spelling_of_a_cross_app_get_model():
    source = '''
from django.apps import apps
from django.apps import apps as registry
a = apps.get_model("networks", "Network")
b = registry.get_model("networks.Membership")
c = apps.get_model(app_label="networks", model_name="Network")
d = apps.get_model(label)
e = apps.get_model("communities", "Community")
f = apps.get_model("communities.Region")
'''
    found = cross_app_get_models(source, "communities")
    assert [line.split(":")[0] for line in found] == ["line 4", "line 5", "line 6", "line 7"]
    assert cross_app_get_models(source, "networks") == [
        found[3], "line 8: apps.get_model('communities', 'Community')",
        "line 9: apps.get_model('communities.Region')"]
