// The course page's own behaviour, beside Voila's.
(function () {
  "use strict";

  // ipywidgets writes "Loading widget..." into each output until its widget is drawn: say it in German.
  var LOADING = "Loading widget...";
  function translate(node) {
    if (node.nodeType === Node.TEXT_NODE && node.data === LOADING) {
      node.data = "Wird geladen …";
    } else if (node.nodeType === Node.ELEMENT_NODE && node.textContent === LOADING) {
      node.textContent = "Wird geladen …";
    }
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "characterData") {
        translate(change.target);
      }
      change.addedNodes.forEach(translate);
      if (change.type === "childList" && change.target.textContent === LOADING) {
        translate(change.target);
      }
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
