/* Trauma-Informed Wales: search that lands well. Loaded by tiw-requests.js when the reader goes to
   the search box or arrives from a result (?h=). Nothing here sends data anywhere.

   - Each result link carries the reader's own words in ?h= (the theme would put the folded search
     keys there, "cymwybodol" for "ymwybodol", which match nothing on the page).
   - On a page reached with ?h=, every word of the article that the search matched is marked:
     a word that starts with a searched word, or (words of five letters or more) is one letter
     away from it, as workers/tiw-search.js matches. On a Welsh page both sides are folded with the
     Welsh rules first (lunr/min/lunr.cy.min.js, from data/welsh_search.yml), so "drawma",
     "nhrawma" and "thrawma" are all marked for "trawma".
   - When a search finds nothing, a link offers the same search in the other language (the text is
     data-tiw-search-other on the search box, from data/ui.yml), but only when the other
     language's index (fetched then, not before) has a word that the search would match: one
     that starts with a searched word, or is one letter away from it (five letters or more);
     Welsh words compared folded, without Welsh stop words, as the Welsh search does. */
(function () {
  "use strict";

  var TYPO_MIN = 5;
  var WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}_]+)*/gu;
  var script = document.currentScript;
  var welsh = document.documentElement.lang === "cy";

  /* The reader's words, without the query syntax lunr would read (+ - * ~ ^ : and quotes). */
  function readersWords(value) {
    return value.replace(/["*~^:+]|(^|\s)-/g, " ").replace(/\s+/g, " ").trim();
  }

  function plain(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();
  }

  /* At most one insertion, deletion or substitution between a and b (lunr's editDistance 1). */
  function oneEdit(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* -- result links and the other-language offer -------------------------------------------- */

  function input() {
    return document.querySelector(".md-search__input");
  }

  function carryWords() {
    var box = input();
    var words = box ? readersWords(box.value) : "";
    Array.prototype.forEach.call(document.querySelectorAll("a.md-search-result__link"), function (a) {
      var url = new URL(a.getAttribute("href"), location.href);
      if (words) url.searchParams.set("h", words); else url.searchParams.delete("h");
      var next = url.toString();
      if (a.getAttribute("href") !== next) a.setAttribute("href", next);
    });
  }

  /* The Welsh rules (lunr/min/lunr.cy.min.js defines self.tiwWelsh), loaded once when needed. */
  var welshRules = null;
  function loadWelsh() {
    if (!welshRules) {
      welshRules = new Promise(function (resolve, reject) {
        if (self.tiwWelsh) return resolve(self.tiwWelsh);
        var rules = document.createElement("script");
        rules.src = script.src.replace(/search-landing\.js(?:[?#].*)?$/, "lunr/min/lunr.cy.min.js");
        rules.addEventListener("load", function () { if (self.tiwWelsh) resolve(self.tiwWelsh); else reject(); });
        rules.addEventListener("error", reject);
        document.head.appendChild(rules);
      });
    }
    return welshRules;
  }

  /* The other language's search keys, from its index: a page in the default language searches
     {its search base}{hreflang}/, a Welsh page's search base is the Welsh root (hooks/search_index.py),
     so the other language's root is the one above it. Fetched once, when an offer is first needed. */
  var otherKeys = null;
  function loadOtherKeys(other) {
    if (otherKeys) return otherKeys;
    var config = JSON.parse(document.getElementById("__config").textContent);
    var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
    var root = welsh ? new URL("../", base) : new URL(other.getAttribute("hreflang") + "/", base);
    var theirs = !welsh;
    otherKeys = Promise.all([
      fetch(new URL("search/search_index.json", root).toString()).then(function (r) {
        if (!r.ok) throw new Error("search index: " + r.status);
        return r.json();
      }),
      theirs ? loadWelsh() : null
    ]).then(function (got) {
      var fold = theirs ? got[1].fold : plain;
      var keys = new Set();
      got[0].docs.forEach(function (doc) {
        ((doc.title || "") + " " + (doc.text || "").replace(/<[^>]+>/g, " ")).replace(WORD, function (w) {
          keys.add(fold(w));
          return w;
        });
      });
      return { keys: Array.from(keys), fold: fold, isStop: theirs ? got[1].isStopWord : function () { return false; } };
    });
    return otherKeys;
  }

  function otherHasMatch(other, words) {
    return loadOtherKeys(other).then(function (them) {
      var wanted = (words.match(WORD) || []).filter(function (w) { return !them.isStop(w); }).map(them.fold);
      return wanted.some(function (q) {
        return them.keys.some(function (k) {
          return k.lastIndexOf(q, 0) === 0 || (q.length >= TYPO_MIN && oneEdit(k, q));
        });
      });
    });
  }

  /* The theme says "No matching documents" (search.result.none in its config) only once the
     worker has answered; before that the list is empty too, while the index is still loading, and
     that is not "found nothing". */
  function saysNone(meta) {
    var config = document.getElementById("__config");
    var text = null;
    try { text = JSON.parse(config.textContent).translations["search.result.none"]; } catch (e) { return false; }
    return meta.textContent.trim() === text && document.querySelectorAll(".md-search-result__list > li").length === 0;
  }

  function offerOtherLanguage() {
    var meta = document.querySelector(".md-search-result__meta");
    var search = document.querySelector("[data-tiw-search-other]");
    var other = document.querySelector(".tiw-langnav__link");
    var box = input();
    if (!meta || !search || !other || !box) return;
    var offer = document.querySelector(".tiw-search-other");
    var words = readersWords(box.value);
    var none = words !== "" && saysNone(meta);
    if (offer && (!none || offer.getAttribute("data-query") !== words)) offer.hidden = true;
    if (!none) return;
    otherHasMatch(other, words).then(function (found) {
      // the reader may have typed on, or results may have come, while the index loaded
      var still = readersWords(box.value) === words && saysNone(meta);
      document.documentElement.setAttribute("data-tiw-search-other-checked", words);
      if (!found || !still) return;
      if (!offer) {
        offer = document.createElement("p");
        offer.className = "tiw-search-other";
        offer.appendChild(document.createElement("a"));
        meta.parentNode.insertBefore(offer, meta.nextSibling);
      }
      var link = offer.firstChild;
      var url = new URL(other.getAttribute("href"), location.href);
      url.searchParams.set("q", words);
      link.setAttribute("href", url.toString());
      link.setAttribute("hreflang", other.getAttribute("hreflang"));
      link.textContent = search.getAttribute("data-tiw-search-other").replace("{query}", words);
      offer.setAttribute("data-query", words);
      offer.hidden = false;
    }, function () {
      document.documentElement.setAttribute("data-tiw-search-other-checked", words);
    });
  }

  /* The theme shows each answer of the search worker against the reader's latest words, so while
     the reader types, an answer for an earlier query (the empty one sent when the box was opened)
     can read "No matching documents" for a query that has results. The other language is
     consulted only once the reader has stopped typing and the results have stayed the same for
     SETTLE ms, so a search that finds something never fetches the other index. */
  var SETTLE = 600;

  function watchResults() {
    var result = document.querySelector("[data-md-component=search-result]");
    var box = input();
    if (!result || !box || !window.MutationObserver) return;
    var pending = false;
    var settle = null;
    function later() {
      clearTimeout(settle);
      settle = setTimeout(offerOtherLanguage, SETTLE);
    }
    new MutationObserver(function () {
      later();
      if (pending) return;
      pending = true;
      // after the theme has finished this round of rendering; our own edits trigger one more
      // round, which finds nothing to change
      setTimeout(function () {
        pending = false;
        carryWords();
      }, 0);
    }).observe(result, { childList: true, subtree: true, characterData: true });
    box.addEventListener("input", later);
  }

  /* -- highlights on the landed page -------------------------------------------------------- */

  function highlight(key, isStop) {
    var params = new URLSearchParams(location.search);
    var wanted = (params.get("h") || "").split(/\s+/).map(function (w) {
      return w.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, "");
    }).filter(function (w) { return w && !isStop(w); }).map(key);
    var article = document.querySelector(".md-content article") || document.querySelector("article");
    if (!wanted.length || !article) return;

    function matches(word) {
      var k = key(word);
      return wanted.some(function (q) {
        return k.lastIndexOf(q, 0) === 0 || (q.length >= TYPO_MIN && oneEdit(k, q));
      });
    }

    var nodes = [];
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode;
        if (!parent || parent.closest("script, style, mark, .headerlink, [data-search-exclude]"))
          return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    for (var n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);

    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var parts = [];
      var last = 0;
      text.replace(WORD, function (word, at) {
        if (matches(word)) {
          parts.push(text.slice(last, at));
          parts.push({ mark: word });
          last = at + word.length;
        }
        return word;
      });
      if (!parts.length) return;
      parts.push(text.slice(last));
      var frag = document.createDocumentFragment();
      parts.forEach(function (part) {
        if (typeof part === "string") {
          if (part) frag.appendChild(document.createTextNode(part));
        } else {
          var mark = document.createElement("mark");
          mark.className = "tiw-hit";
          mark.textContent = part.mark;
          frag.appendChild(mark);
        }
      });
      node.parentNode.replaceChild(frag, node);
    });
    document.documentElement.setAttribute("data-tiw-highlighted", String(article.querySelectorAll("mark.tiw-hit").length));
  }

  function highlightLanded() {
    if (!/[?&]h=/.test(location.search)) return;
    if (!welsh) {
      highlight(plain, function () { return false; });
      return;
    }
    loadWelsh().then(function (rules) { highlight(rules.fold, rules.isStopWord); });
  }

  function init() {
    watchResults();
    highlightLanded();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
