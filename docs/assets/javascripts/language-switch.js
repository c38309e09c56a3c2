/* Trauma-Informed Wales: the language switcher keeps the reader's place. Nothing here sends data
   anywhere; without JavaScript the switcher links to the top of the other language's page.

   - The link to the other language gets this page's query string (a resource filter, for example)
     and #fragment, at the moment it is followed (filters change the address as the reader works).
     ?h= is left behind: it holds words in this page's language.
   - Heading ids are made from the heading text, so a translated heading can have another id. The
     page passes the heading's place among the article's headings (sessionStorage, this tab only);
     the page it opens, finding no element with that id, goes to the heading in the same place. */
(function () {
  "use strict";

  var KEY = "tiw-language-switch";
  var HEADINGS = "article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]";

  function headings() {
    return Array.prototype.slice.call(document.querySelectorAll(HEADINGS));
  }

  function target(link) {
    var base = link.getAttribute("data-tiw-href");
    if (base === null) {
      base = link.getAttribute("href");
      link.setAttribute("data-tiw-href", base);
    }
    var url = new URL(base, location.href);
    new URLSearchParams(location.search).forEach(function (value, name) {
      if (name !== "h" && !url.searchParams.has(name)) url.searchParams.append(name, value);
    });
    url.hash = location.hash;
    return url;
  }

  function update(event) {
    var link = event.target.closest && event.target.closest(".tiw-langnav__link");
    if (!link) return;
    var url = target(link);
    link.setAttribute("href", url.toString());
    if (event.type !== "click") return;
    var id = decodeURIComponent(location.hash.slice(1));
    var place = id ? headings().findIndex(function (h) { return h.id === id; }) : -1;
    try {
      if (place !== -1) sessionStorage.setItem(KEY, JSON.stringify({ path: url.pathname, id: id, place: place }));
      else sessionStorage.removeItem(KEY);
    } catch (e) { /* storage refused: the fragment alone still works where the ids match */ }
  }

  /* On arrival: a fragment with no element here, from a switch on this tab, goes to the heading
     in the same place. */
  function arrive() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (e) { return; }
    var id = decodeURIComponent(location.hash.slice(1));
    if (!saved || !id || saved.id !== id || saved.path !== location.pathname || document.getElementById(id)) return;
    var heading = headings()[saved.place];
    if (!heading) return;
    history.replaceState(history.state, "", location.pathname + location.search + "#" + encodeURIComponent(heading.id));
    heading.scrollIntoView();
  }

  ["mousedown", "touchstart", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, update, true);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", arrive);
  else arrive();
})();
