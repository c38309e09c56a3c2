/* Trauma-Informed Wales: Welsh search in the browser. Nothing here sends data anywhere.

   Folds a Welsh word to its search key through initial mutations, accents and h- ("drawma",
   "nhrawma", "thrawma" -> "trawma"), with the rules of data/welsh_search.yml, in the same steps
   as tiw/search/welsh.py; both pass tests/data/welsh-mutations.json.

   Where it runs: hooks/search_index.py publishes this file, preceded by the rules as
   `self.TIW_WELSH_SEARCH = {...}`, as assets/javascripts/lunr/min/lunr.cy.min.js. The theme's
   search worker loads that file for an index whose config says lang ["cy"] (the Welsh index,
   cy/search/search_index.json) and calls lunr.cy, which sets the Welsh pipeline:
   - index: trimmer, Welsh stop words, fold (the index stores keys; results still show the
     page's own words, because the theme highlights by position in the original text);
   - query: every query clause is folded as it is parsed. The theme adds a trailing * to each word
     as the reader types, and lunr skips the pipeline for such words, so folding in the pipeline
     alone would miss "drawma*".
   In a page it sets self.tiwWelsh (the folding functions), for search-landing.js.
   Under node (the tests) it exports { create, register }. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  if (root && root.lunr && root.TIW_WELSH_SEARCH) api.register(root.lunr, api.create(root.TIW_WELSH_SEARCH));
  /* In a page (search-landing.js loads this file to mark the words a search matched). */
  else if (root && root.TIW_WELSH_SEARCH && typeof document !== "undefined") root.tiwWelsh = api.create(root.TIW_WELSH_SEARCH);
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var COMBINING = /[\u0300-\u036f]/g;
  var EDGE = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;

  /* The folding functions for one set of rules (the JSON form of data/welsh_search.yml). */
  function create(rules) {
    var initials = rules.initials.slice().sort(function (a, b) { return b[0].length - a[0].length; });
    var vowels = rules.vowels;
    var stop = new Set(rules.stop_words.map(function (w) { return w.normalize("NFC"); }));

    function plain(word) {
      return word.normalize("NFD").replace(COMBINING, "").normalize("NFC").toLowerCase();
    }

    function step(word) {
      if (rules.h_before_vowel && word.length > 1 && word[0] === "h" && vowels.indexOf(word[1]) !== -1)
        word = word.slice(1);
      for (var i = 0; i < initials.length; i++)
        if (word.lastIndexOf(initials[i][0], 0) === 0)
          return initials[i][1] + word.slice(initials[i][0].length);
      if (word.length && vowels.indexOf(word[0]) !== -1)
        return rules.vowel_key + word;
      return word;
    }

    function fold(word) {
      word = plain(word);
      for (var i = 0; i < 4; i++) {
        var folded = step(word);
        if (folded === word) break;
        word = folded;
      }
      return word;
    }

    function isStopWord(word) {
      return stop.has(word.normalize("NFC").toLowerCase());
    }

    function trim(word) {
      return word.replace(EDGE, "");
    }

    /* A query term as lunr's parser gives it: "drawma*" -> "trawma*" (punctuation around the word
       is trimmed, as in the index). A leading wildcard leaves the initial unknown, so such a term
       is left as it is; so is a stop word. */
    function foldQueryTerm(term) {
      if (typeof term !== "string" || term.charAt(0) === "*") return term;
      var match = /^(.*?)(\**)$/.exec(term);
      var word = trim(match[1]);
      if (!word || isStopWord(word)) return term;
      return fold(word) + match[2];
    }

    return { fold: fold, plain: plain, isStopWord: isStopWord, trim: trim, foldQueryTerm: foldQueryTerm };
  }

  /* Register lunr.cy, the Welsh language for lunr, as the theme's worker expects it. */
  function register(lunr, welsh) {
    function trimmer(token) {
      return token.update(function (s) { return welsh.trim(s); });
    }
    function stopWordFilter(token) {
      var s = token.toString();
      return s && !welsh.isStopWord(s) ? token : undefined;
    }
    function stemmer(token) {
      return token.update(function (s) { return welsh.fold(s); });
    }
    lunr.Pipeline.registerFunction(trimmer, "trimmer-cy");
    lunr.Pipeline.registerFunction(stopWordFilter, "stopWordFilter-cy");
    lunr.Pipeline.registerFunction(stemmer, "stemmer-cy");

    lunr.cy = function () {
      this.pipeline.reset();
      this.pipeline.add(lunr.cy.trimmer, lunr.cy.stopWordFilter, lunr.cy.stemmer);
      if (this.searchPipeline) {
        this.searchPipeline.reset();
        this.searchPipeline.add(lunr.cy.stemmer);
      }
    };
    lunr.cy.trimmer = trimmer;
    lunr.cy.stopWordFilter = stopWordFilter;
    lunr.cy.stemmer = stemmer;
    lunr.cy.welsh = welsh;

    /* Fold each query clause as lunr's parser adds it (the search and the theme's analysis of
       which words matched both parse through here, so a mutated query word is not shown as
       missing). This worker serves the Welsh index only. */
    var clause = lunr.Query.prototype.clause;
    lunr.Query.prototype.clause = function (c) {
      if (c && typeof c.term === "string") c.term = welsh.foldQueryTerm(c.term);
      return clause.call(this, c);
    };

    /* The theme marks a query word that matched nothing as missing unless it is a stop word:
       use the Welsh list for that. */
    var isMissing = function (term) {
      return welsh.isStopWord(String(term)) ? undefined : term;
    };
    lunr.Pipeline.registerFunction(isMissing, "stopWordFilter-cy-query");
    lunr.stopWordFilter = isMissing;
  }

  return { create: create, register: register };
});
