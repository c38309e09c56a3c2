/* Trauma-Informed Wales: loaded at the end of <body>, just before the theme's scripts, so that it
   can hold back requests the theme would otherwise make on every page. Nothing here sends data
   anywhere. */
(function () {
  "use strict";

  /* Two requests the theme makes on every page are held back here:
     - it looks up "sitemap.xml" beside every <link rel="alternate"> (our hreflang links): files
       that do not exist, each answered by the 404 page. It needs them only for instant
       navigation, which is off here, so the lookup is refused before it is sent (the theme
       treats the refusal as "no sitemap");
     - the search index (below). */
  /* The search index is the largest thing a page would load (tens of KiB), and most readers
     never search: it is fetched when the reader first goes to the search box (or arrives
     with a search in the address), not with every page. */
  var searchWanted = /[?&]q=/.test(window.location.search);
  var waiting = [];
  function wantSearch() {
    if (searchWanted) return;
    searchWanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  /* search-landing.js (the reader's words in each result link, the other-language offer, and the
     highlights on a page reached from a result) is loaded only when it has something to do. */
  var here = document.currentScript && document.currentScript.src;
  var landing = false;
  function loadLanding() {
    if (landing || !here) return;
    landing = true;
    var script = document.createElement("script");
    script.src = here.replace(/tiw-requests\.js(?:[?#].*)?$/, "search-landing.js");
    document.head.appendChild(script);
  }
  if (/[?&]h=/.test(window.location.search)) loadLanding();
  waiting.push(loadLanding);
  if (searchWanted) loadLanding();
  function whenSearchWanted(go) {
    if (searchWanted) go(); else waiting.push(go);
  }

  /* The theme also starts its search worker (a script of its own) with every page. It is started
     on the same signal: until then a stand-in keeps the messages and listeners it is given. */
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!/\/workers\/search\./.test(String(url))) return new RealWorker(url, options);
      var real = null, queue = [], listeners = [];
      var standIn = {
        postMessage: function (message) { if (real) real.postMessage(message); else queue.push(message); },
        addEventListener: function (type, fn, opts) {
          listeners.push([type, fn, opts]);
          if (real) real.addEventListener(type, fn, opts);
        },
        removeEventListener: function (type, fn, opts) {
          listeners = listeners.filter(function (l) { return !(l[0] === type && l[1] === fn); });
          if (real) real.removeEventListener(type, fn, opts);
        },
        terminate: function () { if (real) real.terminate(); }
      };
      whenSearchWanted(function () {
        /* workers/tiw-search.js runs the theme's worker with our ranking and typo tolerance. */
        var theme = String(url).match(/search\.[0-9a-f]+\.min\.js/);
        real = new RealWorker(theme ? String(url).replace(theme[0], "tiw-search.js?theme=" + theme[0]) : url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return standIn;
    };
  }
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (/\/sitemap\.xml(?:$|[?#])/.test(String(url))) {
      throw new Error("sitemap lookup not needed (no instant navigation)");
    }
    this.tiwUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (/\/search\/search_index\.json/.test(xhr.tiwUrl || "")) {
      whenSearchWanted(function () { send.apply(xhr, args); });
      return;
    }
    return send.apply(xhr, args);
  };
  /* A reader who reached the search box while the page was still loading. */
  var active = document.activeElement;
  if (active && active.closest && active.closest(".md-search")) wantSearch();
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) wantSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") wantSearch();
  });
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (event.key === "/" || event.key === "s" || event.key === "f" || event.key === "S" || event.key === "F") wantSearch();
  });
})();
