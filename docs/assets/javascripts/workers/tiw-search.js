/* Trauma-Informed Wales: the search worker. Runs the theme's own worker, then changes how lunr
   ranks and matches. Nothing here sends data anywhere.

   tiw-requests.js starts this file instead of the theme's worker, naming the theme's file in
   ?theme= (it sits in the same folder, so the theme's "../lunr" language files resolve the same).
   On top of the theme's search it adds:
   - ranking by how well each query word matched, best first: a whole word in a title or heading,
     a word that starts with it in a title, a whole word in the text, a word that starts with it
     in the text, a one-letter typo. The theme appends * to every word, so without this "ymarfer"
     matching "ymarferol" counts the same as "ymarfer" itself;
     Among results with the same points, a page whose title starts with a query word comes first ("Trauma-aware practice level" before "Resources for the trauma-aware level");
   - typo tolerance: a word of five letters or more also matches words one edit away
     ("trauwma" -> "trauma", "resillience" -> "resilience"). Such a word is not "missing": the
     theme lists a query word as missing from a result unless a matched word starts with it, so
     the typo is added to the result's matched words, with no positions (nothing to highlight).
   The Welsh folding (lunr.cy, welsh-search.js) folds each query clause before it gets here, so
   "whole word" compares search keys: "drawma" is a whole-word match for "trawma". */
(function () {
  "use strict";

  var theme = new URLSearchParams(self.location.search).get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(theme)) throw new Error("tiw-search.js: ?theme= names no theme worker");
  importScripts(theme);

  var lunr = self.lunr;
  var TYPO_MIN = 5;          // letters a word needs before a one-letter typo is allowed
  // Points for the best match of one query word in one result (see above). Results are ordered by
  // the sum over the first MAX_WORDS query words, then by where in a page's title the first match
  // is (LEAD: first word, second or third, fourth, later), then by the theme's own post-query boost (at most x5) and the lunr
  // score's share (at most x2). Each factor is larger than everything after it, so it decides:
  // LEAD > 5 x 2, STEP > LEAD^3 x 10 (and STEP^(4 x MAX_WORDS) stays a finite number).
  var POINTS = { titleWhole: 4, titlePrefix: 3, textWhole: 2, textPrefix: 1, typo: 0 };
  var LEAD = 11;
  var STEP = 20000;
  var MAX_WORDS = 8;

  function bare(term) {
    return term.replace(/^\*+|\*+$/g, "");
  }

  /* At most one insertion, deletion or substitution between a and b: lunr's editDistance 1 (the
     same test as search-landing.js's, which marks the words on the landed page). */
  function oneEdit(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* A query word that matched this result only through a typo gets an entry of its own among the
     matched words, so that the theme does not show it as missing. */
  function markTypos(metadata, words) {
    var terms = Object.keys(metadata);
    words.forEach(function (word) {
      if (word.length < TYPO_MIN || word in metadata) return;
      if (terms.some(function (t) { return t.lastIndexOf(word, 0) === 0; })) return;
      if (terms.some(function (t) { return oneEdit(t, word); })) metadata[word] = {};
    });
  }

  function points(metadata, word) {
    var best = POINTS.typo;
    Object.keys(metadata).forEach(function (term) {
      var fields = metadata[term];
      var whole = term === word;
      var prefix = !whole && term.lastIndexOf(word, 0) === 0;
      if (!whole && !prefix) return;
      var title = "title" in fields || "tags" in fields;
      var text = "text" in fields;
      if (title) best = Math.max(best, whole ? POINTS.titleWhole : POINTS.titlePrefix);
      if (text) best = Math.max(best, whole ? POINTS.textWhole : POINTS.textPrefix);
    });
    return best;
  }

  /* 3 when a matched word is the first word of a page's title, 2 when it is the second or third,
     1 for the fourth, else 0 (and 0 for a section: a page named by the words comes before a section of another page
     that mentions them). A position is the theme's (block << 20 | token number within the block). */
  function lead(result) {
    if (result.ref.indexOf("#") !== -1) return 0;
    var metadata = result.matchData.metadata;
    var first = Infinity;
    Object.keys(metadata).forEach(function (term) {
      var title = metadata[term].title;
      (title && title.position || []).forEach(function (p) { first = Math.min(first, p & 0xfffff); });
    });
    return first === 0 ? 3 : first <= 2 ? 2 : first === 3 ? 1 : 0;
  }

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    var asked = [];
    var results = this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse();
      asked = query.clauses.filter(function (c) {
        return c.presence !== lunr.Query.presence.PROHIBITED && !c.editDistance;
      });
      asked.forEach(function (c) {
        var word = bare(c.term);
        if (word.length >= TYPO_MIN && word.indexOf("*") === -1)
          query.term(word, { fields: c.fields, editDistance: 1, usePipeline: false, boost: 1,
                             wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL });
      });
    });
    if (!asked.length) return search.call(this, queryString);
    var top = results.reduce(function (m, r) { return Math.max(m, r.score); }, 0) || 1;
    results.forEach(function (r) {
      var sum = asked.slice(0, MAX_WORDS).reduce(function (s, c) { return s + points(r.matchData.metadata, bare(c.term)); }, 0);
      r.score = Math.pow(STEP, sum) * Math.pow(LEAD, lead(r)) * (1 + r.score / top);
      markTypos(r.matchData.metadata, asked.map(function (c) { return bare(c.term); }));
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  };
})();
