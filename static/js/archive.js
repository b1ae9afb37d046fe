// Small conveniences on top of pages that work without JavaScript:
// copy a paragraph's link or the citation, and fold the filters away on narrow screens.
(function () {
  "use strict";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("clipboard unavailable"));
  }

  function flash(element, className) {
    element.classList.add(className);
    window.setTimeout(function () { element.classList.remove(className); }, 1600);
  }

  // The ¶ link still navigates (so :target and the address bar update); it also copies the address.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-copy-link]");
    if (link) {
      copy(link.href).then(function () { flash(link, "is-copied"); }, function () {});
    }
    var button = event.target.closest("[data-copy-text]");
    if (button) {
      var source = document.querySelector(button.getAttribute("data-copy-text"));
      var label = button.textContent;
      copy(source.textContent.trim()).then(function () {
        button.textContent = "Copied";
        window.setTimeout(function () { button.textContent = label; }, 1600);
      }, function () {});
    }
  });

  document.querySelectorAll("[data-copy-text]").forEach(function (button) {
    if (navigator.clipboard && window.isSecureContext) { button.hidden = false; }
  });

  document.querySelectorAll("[data-select-all]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });

  if (window.matchMedia("(max-width: 60rem)").matches) {
    // Folded unless the visitor just asked for more of a facet ("Show more" keeps it open).
    document.querySelectorAll("details[data-collapse-narrow]:not([data-keep-open])").forEach(function (details) {
      details.open = false;
    });
  }
})();
