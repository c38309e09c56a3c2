/* Trauma-Informed Wales: small, dependency-free enhancements. The site works without them.
   Nothing here sends data anywhere. */
(function () {
  "use strict";

  /* Exit this page (GOV.UK Design System pattern): replace this page in history with a
     neutral site, so Back does not return here where the browser allows. Pressing Shift three
     times within five seconds does the same. Without JavaScript the button is a plain link. */
  function exitPage(url) {
    var overlay = document.createElement("div");
    overlay.className = "tiw-exit-overlay";
    document.body.appendChild(overlay);
    document.title = ".";
    window.location.replace(url);
  }

  function setUpExit() {
    var link = document.querySelector("[data-tiw-exit-link]");
    if (!link) return;
    var url = link.getAttribute("href");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      exitPage(url);
    });
    var presses = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) return;
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < 5000; });
      presses.push(now);
      if (presses.length >= 3) exitPage(url);
    });
  }

  /* The search form's submit button (overrides/partials/search.html) does what Enter does in the
     theme: open the best-scored result. The form itself is never sent anywhere. */
  function setUpSearchSubmit() {
    var form = document.forms.namedItem("search");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var best = null, bestScore = -Infinity;
      document.querySelectorAll(".md-search-result__list > :first-child [href]").forEach(function (link) {
        var score = parseFloat((link.firstElementChild || link).getAttribute("data-md-score"));
        if (best === null || score > bestScore) { best = link; bestScore = score; }
      });
      if (best) best.click();
    });
  }

  function setUp() {
    setUpExit();
    setUpSearchSubmit();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
