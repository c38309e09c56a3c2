/* PurgeCSS options for hooks/purge_css.py. */
"use strict";

/* The built pages are read as HTML, not as text: a class counts only in a class attribute, an id
   only in an id, a tag only as a tag, and an attribute by its name and value. Read as text, every
   word of the prose or of an attribute such as role="note" or a meta description kept the theme's
   rules of that class ("note", "example", "question", "success"...), among them the icons of
   admonition types no page uses. Comments are skipped for the same reason. */
function fromHtml(content) {
  const found = { tags: new Set(), classes: new Set(), ids: new Set(), attributes: { names: new Set(), values: new Set() } };
  const html = content.replace(/<!--[\s\S]*?-->/g, "");
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    found.tags.add(tag[1].toLowerCase());
    for (const attr of tag[2].matchAll(/([^\s="'/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = attr[1].toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? "";
      found.attributes.names.add(name);
      found.attributes.values.add(value);
      if (name === "class") for (const word of value.split(/\s+/)) if (word) found.classes.add(word);
      if (name === "id") found.ids.add(value);
    }
  }
  return {
    tags: [...found.tags],
    classes: [...found.classes],
    ids: [...found.ids],
    attributes: { names: [...found.attributes.names], values: [...found.attributes.values] },
    undetermined: [],
  };
}

module.exports = {
  variables: true,
  keyframes: true,
  fontFace: true,
  extractors: [{ extractor: fromHtml, extensions: ["html"] }],
};
