// Page behaviour kept out of the templates so that the Content-Security-Policy needs no inline script.
(function () {
  "use strict";

  // <form data-confirm="Question?"> asks before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // <form data-busy> (a long synchronous action): its submit button is disabled and says "Working…"
  // until the answer arrives, so that nobody clicks twice or thinks nothing happens.
  function busy(form, on) {
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (button) {
      if (on) {
        button.dataset.idleLabel = button.textContent;
        button.textContent = form.dataset.busy || "Working…";
        button.disabled = true;
        button.classList.add("busy");
      } else if (button.dataset.idleLabel !== undefined) {
        button.textContent = button.dataset.idleLabel;
        delete button.dataset.idleLabel;
        button.disabled = false;
        button.classList.remove("busy");
      }
    });
  }

  function isHtmx(form) {
    return form.hasAttribute("hx-post") || form.hasAttribute("hx-get");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy") || isHtmx(form)) {
      return;
    }
    if (!event.defaultPrevented) {
      // after the submission has read the form's fields (a disabled button would not be sent)
      window.setTimeout(function () { busy(form, true); }, 0);
    }
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-busy")) {
      busy(form, true);
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-busy")) {
      busy(form, false);
    }
  });
  // coming back with the browser's Back button shows the page as it was left: not busy
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-busy]").forEach(function (form) { busy(form, false); });
  });

  // <form data-unsaved-warning>: leaving the page with unsaved changes asks first.
  function markDirty(event) {
    var form = event.target.form || event.target.closest("form");
    var field = event.target;
    if (field.form === null && field.getAttribute("form")) {
      return; // a helper field that belongs to no form (e.g. a search box)
    }
    if (form && form.hasAttribute("data-unsaved-warning")) {
      form.dataset.dirty = "true";
    }
  }
  document.addEventListener("change", markDirty);
  document.addEventListener("submit", function (event) {
    if (event.target instanceof HTMLFormElement && !event.defaultPrevented) {
      document.querySelectorAll("form[data-unsaved-warning]").forEach(function (form) {
        delete form.dataset.dirty;
      });
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (document.querySelector("form[data-unsaved-warning][data-dirty]")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // <button data-choose="match:id" data-label="Name" data-select="decision-…">: a search result picked
  // for a row of the matching wizard becomes that row's choice.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-choose]");
    if (!button) {
      return;
    }
    var select = document.querySelector("select[name='" + button.dataset.select + "']");
    if (!select) {
      return;
    }
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === button.dataset.choose; });
    if (!option) {
      option = new Option(button.dataset.label, button.dataset.choose);
      select.add(option, select.options[0]);
    }
    option.selected = true;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    button.textContent = "Chosen";
  });
})();
