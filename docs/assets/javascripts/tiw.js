/* Trauma-Informed Wales: small, dependency-free enhancements. The site works without them.
   Nothing here sends data anywhere. */
(function () {
  "use strict";

  /* Exit this page, following GOV.UK Frontend's ExitThisPage component (govuk-frontend,
     components/exit-this-page/exit-this-page.mjs): the button, or Shift pressed on its own three
     times with no more than five seconds between presses, covers the page and leaves for a
     neutral site. Each press is announced in the component's status region and shown by three
     lights on the button. One difference from GOV.UK: location.replace instead of setting
     location.href, so this page is replaced in history and Back does not return to it. Every
     message comes from the markup's data- attributes (data/ui.yml). Without JavaScript the
     button is a plain link. */
  var TIMEOUT = 5000; // milliseconds between presses, as GOV.UK

  function setUpExit() {
    var root = document.querySelector("[data-tiw-exit]");
    var link = root && root.querySelector("[data-tiw-exit-link]");
    if (!link) return;
    var status = root.querySelector("[data-tiw-exit-status]");
    var lights = root.querySelectorAll("[data-tiw-exit-indicator] > span");
    var overlay = null;
    var count = 0;
    var lastKeyWasModified = false;
    var pressTimer = null;
    var messageTimer = null;

    function msg(name) { return root.getAttribute("data-msg-" + name) || ""; }

    function showLights() {
      root.classList.toggle("tiw-exit--counting", count > 0);
      for (var i = 0; i < lights.length; i++) lights[i].classList.toggle("tiw-exit__light--on", i < count);
    }

    function exitPage() {
      status.textContent = "";
      // Hide everything (also from screen readers and Tab) behind a blank overlay while the
      // neutral site loads; the overlay's text is set after it is added, so it is announced.
      document.body.classList.add("tiw-exit-hide-content");
      overlay = document.createElement("div");
      overlay.className = "tiw-exit-overlay";
      overlay.setAttribute("role", "alert");
      document.body.appendChild(overlay);
      overlay.textContent = msg("activated");
      window.location.replace(link.href);
    }

    function resetPresses() {
      window.clearTimeout(pressTimer);
      pressTimer = null;
      count = 0;
      status.textContent = msg("timed-out");
      messageTimer = window.setTimeout(function () { status.textContent = ""; }, TIMEOUT);
      showLights();
    }

    link.addEventListener("click", function (event) {
      event.preventDefault();
      exitPage();
    });

    // keyup, as GOV.UK: typing a capital (Shift held with a letter) fires a keyup for the letter
    // with shiftKey true, then one for Shift. That Shift keyup follows a modified key, so it is not
    // counted: only Shift pressed and released on its own counts.
    document.addEventListener("keyup", function (event) {
      if (event.key === "Shift" && !lastKeyWasModified) {
        count += 1;
        showLights();
        window.clearTimeout(messageTimer);
        if (count >= 3) {
          count = 0;
          window.clearTimeout(pressTimer);
          pressTimer = null;
          exitPage();
        } else {
          status.textContent = msg(count === 1 ? "press-two-more" : "press-one-more");
          window.clearTimeout(pressTimer);
          pressTimer = window.setTimeout(resetPresses, TIMEOUT);
        }
      } else if (pressTimer) {
        // Any other key after a Shift press starts the count again.
        resetPresses();
      }
      lastKeyWasModified = event.shiftKey;
    }, true);

    // A page restored from the back-forward cache comes back as it was left: take the overlay
    // away and start the count again, or the page would stay blank.
    window.addEventListener("pageshow", function () {
      document.body.classList.remove("tiw-exit-hide-content");
      if (overlay) { overlay.remove(); overlay = null; }
      window.clearTimeout(pressTimer);
      window.clearTimeout(messageTimer);
      pressTimer = null;
      count = 0;
      status.textContent = "";
      showLights();
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

  /* A table too wide for the screen scrolls sideways inside the theme's wrapper
     (.md-typeset__scrollwrap, added by the theme's script). Keyboard users must be able to scroll
     it too (WCAG 2.1.1; axe's scrollable-region-focusable): a wrapper that overflows is made a Tab
     stop, a region named by the heading of its section, and stops being one when the screen is
     wide enough again. */
  function markScrollRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        // The last heading before the table, in document order (the page's title at least).
        var heading = null;
        document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3, .md-content h4").forEach(function (h) {
          if (h.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
        });
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (heading && heading.id) wrap.setAttribute("aria-labelledby", heading.id);
        else if (heading) wrap.setAttribute("aria-label", heading.textContent.trim());
      } else if (wrap.hasAttribute("tabindex")) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-labelledby");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function setUpScrollRegions() {
    var pending = null;
    // The theme wraps its tables once its own script has run: mark them after that, and again
    // whenever the width changes.
    window.addEventListener("load", markScrollRegions);
    window.addEventListener("resize", function () {
      window.cancelAnimationFrame(pending);
      pending = window.requestAnimationFrame(markScrollRegions);
    });
    window.setTimeout(markScrollRegions, 0);
  }

  function setUp() {
    setUpExit();
    setUpSearchSubmit();
    setUpScrollRegions();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
