/* Trauma-Informed Wales: the resource filter on the resources home page (macros/resources.py
   writes the form, the list and every string this script shows, as data- attributes, so there is
   no language text here). Does nothing on any other page. Without JavaScript the form stays
   hidden and the whole list is folded (see below). Nothing here sends data anywhere.

   - Checkboxes with the same name are alternatives (any of them); groups combine (all of them).
   - A <select> picks one value; the search box matches every word typed, ignoring case and
     accents, in titles, summaries and publishers. On a Welsh page a word also matches through
     initial mutations, as the site search does ("blant" finds "plant"): the Welsh rules and
     folding come from lunr/min/lunr.cy.min.js (data/welsh_search.yml), loaded here.
   - The state lives in the URL query (?level=…&audience=…&text=…; not q, which the theme's search box
     claims), so a filtered list can be shared
     or bookmarked; each change of a box or menu is a history entry (Back undoes it), typing in the
     search box updates the current entry.
   - The less-used groups sit in a <details>, opened when the URL sets one of them.
   - Without JavaScript the list is folded in a <details> (overrides/fragments/resources.html); here it is
     unfolded.
   - The number of results is written to a polite live region. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  /* The start of every word of a text, folded with the Welsh rules: " plant cymorth ..." */
  var here = document.currentScript && document.currentScript.src;

  function welshKeys(text, welsh) {
    return " " + (text.match(/[\p{L}\p{N}_]+/gu) || []).map(welsh.fold).join(" ");
  }

  function setUp(form) {
    var list = document.getElementById(form.getAttribute("data-list"));
    var status = document.getElementById(form.getAttribute("data-status"));
    if (!list || !status || !window.URLSearchParams || !window.history || !history.pushState) return;

    var search = form.querySelector('input[type="search"]');
    if (!search) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-resource]"));
    var texts = items.map(function (item) {
      return fold(Array.prototype.map.call(item.querySelectorAll("[data-filter-text]"), function (el) {
        return el.textContent;
      }).join(" "));
    });
    var controls = Array.prototype.slice.call(form.querySelectorAll("input[name], select[name]"));
    var welsh = null;          // the Welsh folding, once loaded (Welsh pages only)
    var keys = [];
    var announceTimer = null;
    var typing = false;

    /* The form's state as [name, value] pairs, in the form's order. */
    function state() {
      var pairs = [];
      controls.forEach(function (c) {
        if (c.type === "checkbox") {
          if (c.checked) pairs.push([c.name, c.value]);
        } else if (c.value.trim() !== "") {
          pairs.push([c.name, c === search ? c.value.trim() : c.value]);
        }
      });
      return pairs;
    }

    function query() {
      var params = new URLSearchParams();
      state().forEach(function (pair) { params.append(pair[0], pair[1]); });
      return params.toString();
    }

    function restore(search_) {
      var params = new URLSearchParams(search_);
      controls.forEach(function (c) {
        var values = params.getAll(c.name);
        if (c.type === "checkbox") {
          c.checked = values.indexOf(c.value) !== -1;
        } else if (c.tagName === "SELECT") {
          var known = Array.prototype.some.call(c.options, function (o) { return o.value === values[0]; });
          c.value = known ? values[0] : "";
        } else {
          c.value = values.length ? values[0] : "";
        }
      });
      Array.prototype.forEach.call(form.querySelectorAll("details"), function (d) {
        var inside = Array.prototype.slice.call(d.querySelectorAll("input[name], select[name]"));
        if (inside.some(function (c) { return c.type === "checkbox" ? c.checked : c.value !== ""; })) d.open = true;
      });
    }

    function matches(item, index, wanted, words) {
      for (var name in wanted) {
        var have = (item.getAttribute("data-" + name) || "").split(" ");
        if (!wanted[name].some(function (v) { return have.indexOf(v) !== -1; })) return false;
      }
      return words.every(function (w) {
        if (texts[index].indexOf(w) !== -1) return true;
        return welsh !== null && !welsh.isStopWord(w) && keys[index].indexOf(" " + welsh.fold(w)) !== -1;
      });
    }

    function apply() {
      var wanted = {};
      var words = [];
      state().forEach(function (pair) {
        if (pair[0] === search.name) {
          words = fold(pair[1]).split(/\s+/).filter(Boolean);
        } else {
          (wanted[pair[0]] = wanted[pair[0]] || []).push(pair[1]);
        }
      });
      var shown = 0;
      items.forEach(function (item, i) {
        var show = matches(item, i, wanted, words);
        item.hidden = !show;
        if (show) shown += 1;
      });
      return shown;
    }

    function announce(shown) {
      var total = items.length;
      var key = shown === total ? "data-status-all" : shown === 0 ? "data-status-none" : "data-status-some";
      var text = format(form.getAttribute(key), { shown: shown, total: total });
      if (status.textContent !== text) status.textContent = text;
    }

    function url() {
      var q = query();
      return location.pathname + (q ? "?" + q : "") + location.hash;
    }

    function record(replace) {
      var next = url();
      if (next === location.pathname + location.search + location.hash) return;
      if (replace) history.replaceState({ tiwFilter: true }, "", next);
      else history.pushState({ tiwFilter: true }, "", next);
    }

    form.addEventListener("change", function (event) {
      if (event.target === search) return;
      typing = false;
      announce(apply());
      record(false);
    });

    search.addEventListener("input", function () {
      var shown = apply();
      record(typing);       // the first keystroke makes a history entry, the rest update it
      typing = true;
      clearTimeout(announceTimer);
      announceTimer = setTimeout(function () { announce(shown); }, 400);
    });
    search.addEventListener("blur", function () { typing = false; });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(announceTimer);
      announce(apply());
    });

    var clear = form.querySelector("[data-filter-clear]");
    if (clear) {
      clear.addEventListener("click", function () {
        controls.forEach(function (c) {
          if (c.type === "checkbox") c.checked = false; else c.value = "";
        });
        typing = false;
        clearTimeout(announceTimer);
        announce(apply());
        record(false);
      });
    }

    window.addEventListener("popstate", function () {
      typing = false;
      clearTimeout(announceTimer);
      restore(location.search);
      announce(apply());
    });

    restore(location.search);
    form.hidden = false;
    var folded = list.closest("[data-tiw-resource-all]");
    if (folded) {                // the filter shows the list itself: no need to unfold it
      folded.open = true;
      folded.querySelector("summary").hidden = true;
    }
    announce(apply());

    if (document.documentElement.lang === "cy" && here) {
      var rules = document.createElement("script");
      rules.src = here.replace(/resource-filter\.js(?:[?#].*)?$/, "lunr/min/lunr.cy.min.js");
      rules.addEventListener("load", function () {
        if (!self.tiwWelsh) return;
        welsh = self.tiwWelsh;
        keys = items.map(function (item) {
          return welshKeys(Array.prototype.map.call(item.querySelectorAll("[data-filter-text]"), function (el) {
            return el.textContent;
          }).join(" "), welsh);
        });
        announce(apply());
      });
      document.head.appendChild(rules);
    }
  }

  function init() {
    var form = document.querySelector("[data-tiw-resource-filter]");
    if (form) setUp(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
