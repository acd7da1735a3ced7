// Show a question only when an earlier answer matches its condition (data-show-if="key=value").
// Without JavaScript every question stays visible and the server decides what is required.
(function () {
  function answer(form, key) {
    var inputs = form.querySelectorAll('[name="' + key + '"]');
    var values = [];
    inputs.forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox")) { if (el.checked) values.push(el.value); }
      else if (el.value !== "") values.push(el.value);
    });
    return values;
  }
  function refresh(form) {
    var seen = {};
    form.querySelectorAll("[data-show-if]").forEach(function (el) {
      var box = el.closest(".field");
      if (!box || seen[el.name]) return;
      seen[el.name] = true;
      var rule = el.getAttribute("data-show-if"), at = rule.indexOf("=");
      var key = rule.slice(0, at), wanted = rule.slice(at + 1);
      var controller = form.querySelector('[name="' + key + '"]');
      var controllerBox = controller && controller.closest(".field");
      var shown = controller ? answer(form, key).indexOf(wanted) !== -1 : true;
      if (controllerBox && controllerBox.hidden) shown = false;
      box.hidden = !shown;
    });
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-show-if]")) return;
    refresh(form);
    form.addEventListener("change", function () { refresh(form); });
  });
})();
