"""The builder's pages, shared by every owner of a questionnaire (a call's forms, an
opportunity's registration questions, quiz and feedback questionnaire).

The owner's view finds its object (checking the permission: a 404 for what is not the
viewer's), then hands a `Builder` to one of the three functions here: the page of sections
and questions (`builder_page`), the page that adds or edits a question (`question_page`)
and the posted up / down / remove buttons (`question_action`). A `Builder` says which version
to show, where the pages are, and the owner's services that save each edit: the views parse
and render, the owner's services check, store, version and audit.

The pages live below `page_url`: `<page_url><section>/question/` adds or edits a question
(`?key=` the one edited) and `<page_url><section>/<question>/<up|down|delete>/` posts an
action; the owner's URLconf maps them to its views."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hamaynk.core.errors import DomainError
from hamaynk.questionnaires import builder
from hamaynk.questionnaires.builder_forms import QuestionForm, SectionEditForm, question_initial
from hamaynk.questionnaires.models import VersionedDefinition
from hamaynk.questionnaires.schema import DefinitionError


@dataclass(frozen=True)
class Tab:
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class Builder:
    """What an owner gives the shared builder pages."""

    version: VersionedDefinition  # the version shown and edited (or copied, when frozen)
    heading: str  # the page's heading, before its subject: "Registration questions"
    subject: str  # what the questionnaire belongs to: "Leadership"
    page_url: str  # this builder's page; its question pages are below it
    back_url: str  # the owner's page
    back_label: str
    # The owner's services, each called with the edit's keywords and the actor:
    # save_section(key=, title_hy=, title_en=, intro_hy=, intro_en=)
    save_section: Callable[..., object]
    # save_question(section_key=, question=, original_key=)
    save_question: Callable[..., object]
    delete_question: Callable[..., object]  # (section_key=, key=)
    move_question: Callable[..., object]  # (section_key=, key=, offset=)
    editable: bool = True  # False: the page offers no edit (the services refuse them anyway)
    notes: Sequence[str] = ()  # shown under the heading (the version's state)
    problems_heading: str = ""  # above the problems of a definition that does not parse
    tabs: Sequence[Tab] = ()  # the owner's other questionnaires
    query: str = ""  # the query string the pages keep (e.g. "purpose=progress")
    return_url: str = ""  # where an edit returns; the page's URL when empty
    hidden: dict[str, str] = field(default_factory=dict)  # posted with the section form


def _return(b: Builder) -> HttpResponse:
    return redirect(b.return_url or b.page_url)


def builder_page(request: HttpRequest, b: Builder) -> HttpResponse:
    """The version's sections and questions, and (when editable) the form adding a section."""
    section_form = SectionEditForm(request.POST or None)
    if request.method == "POST" and section_form.is_valid():
        try:
            b.save_section(actor=request.user, **section_form.cleaned_data)
        except DomainError as exc:
            section_form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("The section is saved."))
            return _return(b)
    version = b.version
    try:
        parsed = version.parsed
        problems: list[str] = []
    except DefinitionError as exc:
        parsed, problems = None, exc.messages
    return render(request, "questionnaires/builder_page.html", {
        "b": b, "version": version,
        "outline": builder.outline(version.definition,
                                   request.LANGUAGE_CODE),  # type: ignore[attr-defined]
        "parsed": parsed, "problems": problems, "section_form": section_form})


def _section(b: Builder, section_key: str) -> dict[str, Any]:
    sections = {s["key"]: s for s in b.version.definition.get("sections", [])}
    if section_key not in sections:
        raise Http404
    return sections[section_key]


def question_page(request: HttpRequest, b: Builder, section_key: str) -> HttpResponse:
    """Add a question to a section, or edit one (?key=…)."""
    definition = b.version.definition
    section = _section(b, section_key)
    editing = str(request.GET.get("key", ""))
    existing = {q["key"]: q for q in section["questions"]}
    if editing and editing not in existing:
        raise Http404
    language = request.LANGUAGE_CODE  # type: ignore[attr-defined]
    earlier = builder.questions_before(definition, section_key, editing)
    choices = [(q["key"], builder.text(q, "label", language)) for q in earlier
               if q["type"] != "budget"]
    initial = question_initial(existing[editing]) if editing else {}
    form = QuestionForm(request.POST or None, initial=initial, earlier=choices)
    if request.method == "POST" and form.is_valid():
        question = form.to_question({q["key"]: q for q in earlier})
        try:
            b.save_question(actor=request.user, section_key=section_key, question=question,
                            original_key=form.cleaned_data["original_key"])
        except DomainError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("The question is saved."))
            return _return(b)
    return render(request, "questionnaires/builder_question.html", {
        "b": b, "section": section, "form": form, "editing": editing,
        "section_title": builder.text(section, "title", language)})


def question_action(request: HttpRequest, b: Builder, section_key: str, key: str,
                    action: str) -> HttpResponse:
    """A posted button: move a question up or down, or remove it."""
    if request.method != "POST":
        raise Http404
    try:
        if action == "delete":
            b.delete_question(actor=request.user, section_key=section_key, key=key)
        elif action in ("up", "down"):
            b.move_question(actor=request.user, section_key=section_key, key=key,
                            offset=-1 if action == "up" else 1)
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return _return(b)
