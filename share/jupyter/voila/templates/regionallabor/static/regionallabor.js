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
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "characterData") {
        translate(change.target);
      } else {
        change.addedNodes.forEach(translate);
      }
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
