// Warn before leaving a page whose form holds typed, unsaved answers
// (form[data-unsaved-warning="<the question>"]). Submitting the form (Save, or a tab that saves
// first) never warns; an autosave (htmx) that answered "saved" makes the form clean again.
// Without JavaScript nothing warns, and every way off the page is a button that saves.
(function () {
  document.querySelectorAll("form[data-unsaved-warning]").forEach(function (form) {
    var dirty = false, typedSince = false;
    form.addEventListener("input", function () { dirty = true; typedSince = true; });
    form.addEventListener("submit", function () { dirty = false; });
    form.addEventListener("htmx:beforeRequest", function () { typedSince = false; });
    form.addEventListener("htmx:afterSwap", function () {
      var state = document.getElementById("save-state");
      if (!typedSince && state && !state.querySelector(".error")) dirty = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = form.getAttribute("data-unsaved-warning");
    });
  });
})();
