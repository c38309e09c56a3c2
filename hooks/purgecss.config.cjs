/* PurgeCSS options for hooks/purge_css.py. */
"use strict";

/* The pages are not given to PurgeCSS themselves: tiw/build/purge.py reads them as HTML (a class
   only in a class attribute, an id only in an id...) and writes what they use to one file, which
   this extractor hands over as it is. One reader of the pages, whose result also names the purge
   in the build cache. */
const PAGES = { extractor: (content) => JSON.parse(content), extensions: ["pageselectors"] };

module.exports = {
  variables: true,
  keyframes: true,
  fontFace: true,
  extractors: [PAGES],
};
