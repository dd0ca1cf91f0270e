/* Starts what Wagtail 8 writes as inline scripts, from inert JSON (core/admin_csp.py), so that the
   admin's Content Security Policy needs no 'unsafe-inline' for scripts.

   Each <script type="application/json" data-admin-init> holds {"new" or "call": name, "args": [...]}.
   It is run once, in document order, when the page is parsed and whenever it is added later (a new
   inline panel row, a chooser modal, a dialog moved into place). Only the names below can be called. */
(function () {
  "use strict";

  var helpers = {
    // wagtail-localize's translation editor finds its choosers here.
    setChooserUrls: function (image, documentUrl, page) {
      if (typeof window.chooserUrls === "undefined") {
        window.chooserUrls = { imageChooser: image, documentChooser: documentUrl, pageChooser: page };
      }
    },
    // wagtail-localize's "translate this page": the "select all" box ticks every language.
    selectAllLocales: function () {
      document.addEventListener("DOMContentLoaded", function () {
        var selectAll = document.querySelector('[name="select_all"]');
        var locales = document.querySelectorAll('[name="locales"]');
        if (!selectAll) return;
        selectAll.addEventListener("change", function () {
          locales.forEach(function (box) { box.checked = selectAll.checked; });
        });
      });
    },
  };
  var CONSTRUCTORS = [
    "Chooser", "PageChooser", "ImageChooser", "DocumentChooser", "SnippetChooser",
    "InlinePanel", "MultipleChooserPanel",
  ];
  var FUNCTIONS = ["initDateChooser", "initTimeChooser", "initDateTimeChooser", "createTaskChooser"];

  function run(element) {
    if (element.dataset.adminInitDone) return;
    var call;
    try {
      call = JSON.parse(element.textContent);
    } catch (error) {
      // Seen by the observer before the parser finished its text: started once the page is parsed.
      if (document.readyState !== "loading") throw error;
      document.addEventListener("DOMContentLoaded", function () { run(element); });
      return;
    }
    element.dataset.adminInitDone = "1";
    var args = call.args || [];
    if (call["new"] && CONSTRUCTORS.indexOf(call["new"]) !== -1) {
      var Constructor = window[call["new"]];
      new (Function.prototype.bind.apply(Constructor, [null].concat(args)))();
    } else if (call.call && FUNCTIONS.indexOf(call.call) !== -1) {
      window[call.call].apply(null, args);
    } else if (call.call && Object.prototype.hasOwnProperty.call(helpers, call.call)) {
      helpers[call.call].apply(null, args);
    } else {
      throw new Error("admin-init: " + (call["new"] || call.call) + " is not a known start");
    }
  }

  function runWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches("script[data-admin-init]")) run(node);
    node.querySelectorAll("script[data-admin-init]").forEach(run);
  }

  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) { mutation.addedNodes.forEach(runWithin); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Whatever was parsed before this file.
  document.querySelectorAll("script[data-admin-init]").forEach(run);
})();
