// The course page's own behaviour, beside Voila's.
(function () {
  "use strict";

  // ipywidgets sets each output's textContent to "Loading widget..." until its widget is drawn – on a node
  // that may be attached before or after: say it in German. Only a text node, or an element whose one child
  // is that text, is looked at, so adding a large tree costs nothing.
  var LOADING = "Loading widget...";
  function translate(node) {
    if (node.nodeType === Node.ELEMENT_NODE && node.childNodes.length === 1) {
      node = node.firstChild;
    }
    if (node.nodeType === Node.TEXT_NODE && node.data === LOADING) {
      node.data = "Wird geladen …";
    }
  }
  // „Wer arbeitet gerade an diesem Gerät?“ on the start page: the kernel shows the chosen name (percent-encoded)
  // in a data-person attribute; the cookie carries it to the pages opened next, whose kernels write it into
  // the workbook's history (regionallabor/serving.py).
  function rememberPerson(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    var marker = node.matches("[data-person]") ? node : node.querySelector("[data-person]");
    if (marker && marker.closest(".rl-person-cookie")) {
      var name = marker.getAttribute("data-person");
      document.cookie = "regionallabor-person=" + name + "; path=/; SameSite=Strict; max-age=" +
        (name ? 31536000 : 0);
    }
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "characterData") {
        translate(change.target);
      } else {
        change.addedNodes.forEach(translate);
        change.addedNodes.forEach(rememberPerson);
      }
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  // Text typed into a form and not yet saved: the browser asks before the page is reloaded or left. A form
  // empties itself when it saves, and a field that saves on every change has the class rl-autosave.
  var typed = new Set();
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.matches && field.matches("input[type=text], input:not([type]), textarea") &&
        field.closest(".rl-form") && !field.closest(".rl-autosave")) {
      typed.add(field);
    }
  }, true);
  function unsavedText() {
    return Array.from(typed).some(function (field) { return field.isConnected && field.value.trim() !== ""; });
  }
  // Voila shuts the kernel down in its own beforeunload handler – also when the team then chooses to stay.
  // Ours runs first (this script comes before Voila's): with unsaved text it stops Voila's handler and sends
  // the same shutdown only when the page really goes (pagehide).
  function shutDownKernel() {
    var config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
    var xsrf = (document.cookie.match("\\b_xsrf=([^;]*)\\b") || [])[1] || "";
    var form = new FormData();
    form.append("_xsrf", xsrf);
    navigator.sendBeacon(config.baseUrl + "voila/api/shutdown/" + config.kernelId, form);
  }
  window.addEventListener("beforeunload", function (event) {
    if (!unsavedText()) {
      return;
    }
    event.stopImmediatePropagation();
    event.preventDefault();
    event.returnValue = "";  // Chromium shows its own question; the text cannot be chosen
    window.addEventListener("pagehide", shutDownKernel, { once: true });
  });
  window.regionallabor = { unsavedText: unsavedText };
})();
