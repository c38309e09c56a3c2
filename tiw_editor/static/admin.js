// The browser editor (Decap CMS): Welsh interface, news paths, publisher field, empty values as the
// schemas want them, site-like previews, and the choice of backend. Configuration: editor.json,
// generated from schemas/ by tiw_editor/config.py at build time.
(function () {
  "use strict";
  var CMS = window.CMS;
  var LANGS = ["en", "cy"];

  // -- News paths ----------------------------------------------------------------------------
  // Decap's multiple_folders structure puts the language just above the file (news/en/x.md); the
  // site keeps posts at docs/en/news/posts/x.md. The editor sees the first, git gets the second.
  var VIRTUAL = /^news\/(en|cy)\/(.+)$/;
  var REAL = /^docs\/(en|cy)\/news\/posts\/(.+)$/;
  function toReal(path) { return typeof path === "string" ? path.replace(VIRTUAL, "docs/$1/news/posts/$2") : path; }
  function toVirtual(path) { return typeof path === "string" ? path.replace(REAL, "news/$1/$2") : path; }
  function virtualEntry(entry) {
    if (entry && entry.file) entry.file = Object.assign({}, entry.file, { path: toVirtual(entry.file.path) });
    return entry;
  }
  function realFile(file) {
    return Object.assign({}, file, { path: toReal(file.path) }, file.newPath ? { newPath: toReal(file.newPath) } : {});
  }
  var mapped = {
    entriesByFolder: function (inner, folder, extension, depth) {
      if (folder !== "news") return inner.entriesByFolder(folder, extension, depth);
      return Promise.all(LANGS.map(function (lang) {
        return inner.entriesByFolder("docs/" + lang + "/news/posts", extension, 1);
      })).then(function (lists) { return [].concat.apply([], lists).map(virtualEntry); });
    },
    allEntriesByFolder: function (inner, folder, extension, depth) {
      return mapped.entriesByFolder({ entriesByFolder: inner.allEntriesByFolder.bind(inner) }, folder, extension, depth);
    },
    entriesByFiles: function (inner, files) {
      return inner.entriesByFiles(files.map(realFile)).then(function (out) { return out.map(virtualEntry); });
    },
    getEntry: function (inner, path) { return inner.getEntry(toReal(path)).then(virtualEntry); },
    persistEntry: function (inner, entry, options) {
      var copy = Object.assign({}, entry, { dataFiles: (entry.dataFiles || []).map(realFile) });
      return inner.persistEntry(copy, options);
    },
    unpublishedEntry: function (inner, args) {
      return inner.unpublishedEntry(args).then(function (e) {
        if (e && e.diffs) e.diffs = e.diffs.map(function (d) { return Object.assign({}, d, { path: toVirtual(d.path) }); });
        return e;
      });
    },
    unpublishedEntryDataFile: function (inner, collection, slug, path, id) {
      return inner.unpublishedEntryDataFile(collection, slug, toReal(path), id);
    },
    deleteFiles: function (inner, paths, message) { return inner.deleteFiles(paths.map(toReal), message); },
  };
  function withSitePaths(baseName) {
    var base = CMS.getBackend(baseName);
    return function (config, options) {
      var inner = base.init(config, options);
      return new Proxy(inner, {
        get: function (target, prop) {
          if (Object.prototype.hasOwnProperty.call(mapped, prop) && typeof target[prop] === "function") {
            return function () { return mapped[prop].apply(null, [target].concat([].slice.call(arguments))); };
          }
          var value = target[prop];
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    };
  }
  CMS.registerBackend("tiw-proxy", withSitePaths("proxy"));
  CMS.registerBackend("tiw-github", withSitePaths("github"));

  // -- Values as the schemas want them ---------------------------------------------------------
  // Decap writes an emptied field as "" (or leaves it out); the schemas want an optional field
  // left out, and `hours`/`source_url` of a service as null when the source gives none.
  function isEmpty(v) {
    if (v === undefined || v === null) return true;
    if (typeof v === "string") return v.trim() === "";
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === "object") return Object.keys(v).every(function (k) { return isEmpty(v[k]); });
    return false;
  }
  function tidy(data, fields) {
    var out = Object.assign({}, data);
    fields.forEach(function (f) {
      var v = out[f.name];
      if (f.widget === "list" && f.fields && Array.isArray(v)) {
        v = out[f.name] = v.map(function (item) { return tidy(item, f.fields); });
      } else if (f.widget === "object" && f.fields && v && typeof v === "object" && !f.tiw_null_when_empty) {
        v = out[f.name] = tidy(v, f.fields);
      }
      if (f.required === false && isEmpty(v)) {
        if (f.tiw_null_when_empty) out[f.name] = null;
        else delete out[f.name];
      }
    });
    return out;
  }
  function collectionFields(config, entry) {
    var c = config.collections.filter(function (c) { return c.name === entry.get("collection"); })[0];
    if (!c) return null;
    if (c.files) {
      var file = c.files.filter(function (f) { return f.name === entry.get("slug"); })[0];
      return file ? file.fields : null;
    }
    return c.fields;
  }

  // -- The publisher: a name once, or {en, cy} when it has an official Welsh form -------------------
  var h = window.h, createClass = window.createClass;
  function publisherParts(value) {
    if (value && typeof value.toJS === "function") value = value.toJS();
    if (value && typeof value === "object") return { en: value.en || "", cy: value.cy || "" };
    return { en: value || "", cy: "" };
  }
  function publisherControl(words) {
    return createClass({
      isValid: function () {
        var p = publisherParts(this.props.value);
        return p.en.trim() ? true : { error: { message: words.publisher_required } };
      },
      change: function (lang, text) {
        var p = publisherParts(this.props.value);
        p[lang] = text;
        this.props.onChange(p.cy.trim() ? { en: p.en, cy: p.cy } : p.en);
      },
      render: function () {
        var p = publisherParts(this.props.value), id = this.props.forID, self = this;
        return h("div", { className: this.props.classNameWrapper + " tiw-pair" },
          h("p", { className: "tiw-pair__part" },
            h("label", { htmlFor: id }, words.english),
            h("input", { id: id, type: "text", value: p.en, lang: "en",
              onChange: function (e) { self.change("en", e.target.value); } })),
          h("p", { className: "tiw-pair__part" },
            h("label", { htmlFor: id + "-cy" }, words.welsh + " (" + words.optional + ")"),
            h("input", { id: id + "-cy", type: "text", value: p.cy, lang: "cy",
              onChange: function (e) { self.change("cy", e.target.value); } })));
      },
    });
  }
  function publisherPreview(props) {
    var p = publisherParts(props.value);
    return h("span", {}, p.cy ? p.en + " / " + p.cy : p.en);
  }

  // -- Previews in the site's style ---------------------------------------------------------
  function text(entry, path) {
    var v = entry.getIn(["data"].concat(path));
    return v === undefined || v === null ? "" : String(v);
  }
  function newsPreview(words) {
    return createClass({
      render: function () {
        var entry = this.props.entry;
        return h("article", { className: "md-typeset tiw-preview", lang: this.props.locale || "en" },
          h("h1", {}, text(entry, ["title"])),
          h("p", { className: "tiw-news__date" }, text(entry, ["date"]) || words.date_none),
          h("p", {}, h("strong", {}, text(entry, ["summary"]))),
          this.props.widgetFor("body"));
      },
    });
  }
  function resourcePreview(words) {
    return createClass({
      render: function () {
        var e = this.props.entry;
        function card(lang) {
          return h("section", { className: "tiw-preview__half", lang: lang },
            h("p", { className: "tiw-preview__lang" }, lang === "en" ? words.english : words.welsh),
            h("h2", {}, text(e, ["title", lang])),
            h("p", {}, text(e, ["summary", lang])),
            h("p", {}, h("a", { href: text(e, lang === "cy" && text(e, ["url_cy"]) ? ["url_cy"] : ["url"]) || "#" },
              text(e, lang === "cy" && text(e, ["url_cy"]) ? ["url_cy"] : ["url"]) || text(e, ["page"]))));
        }
        return h("div", { className: "md-typeset tiw-preview tiw-preview--pair" }, card("en"), card("cy"));
      },
    });
  }

  // -- Names for Decap's unnamed controls ----------------------------------------------------
  // Decap renders icon-only buttons and its text boxes without accessible names; name them from
  // the field's visible label or in the interface's language, as the page changes.
  function nameControls(words) {
    function fix() {
      document.querySelectorAll("iframe:not([title])").forEach(function (f) { f.title = words.preview; });
      document.querySelectorAll('[role="textbox"]:not([aria-label])').forEach(function (box) {
        var control = box.closest('[class*="ControlContainer"]');
        var label = control && control.querySelector("label");
        if (label) box.setAttribute("aria-label", label.textContent.trim());
      });
      document.querySelectorAll('[class*="ListItemTopBar"]').forEach(function (bar) {
        var buttons = bar.querySelectorAll(':scope > button, :scope > [role="button"]');
        var names = [words.expand, words.reorder, words.remove];
        buttons.forEach(function (b, i) {
          if (!b.getAttribute("aria-label") && !b.textContent.trim() && names[i]) b.setAttribute("aria-label", names[i]);
        });
      });
    }
    new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
    fix();
  }

  // -- Start ------------------------------------------------------------------------------------
  function findLocalProxy() {
    // `make edit` serves the site and Decap's local proxy (decap-server) from the same address.
    return fetch("/api/v1", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info" }) })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }
  function say(words, message) {
    var p = document.createElement("p");
    p.className = "tiw-editor-message";
    p.textContent = message;
    var main = document.createElement("main");
    main.appendChild(p);
    document.body.appendChild(main);
  }

  fetch("editor.json").then(function (r) { return r.json(); }).then(function (settings) {
    var words = settings.words, config = settings.decap;
    nameControls(words);
    CMS.registerLocale("cy", window.TIW_CY_PHRASES);
    CMS.registerWidget("tiw-publisher", publisherControl(words), publisherPreview);
    settings.preview_styles.forEach(function (href) { CMS.registerPreviewStyle(href); });
    CMS.registerPreviewStyle(settings.root + "admin/admin.css");
    CMS.registerPreviewTemplate("news", newsPreview(words));
    CMS.registerPreviewTemplate("resources", resourcePreview(words));
    CMS.registerEventListener({
      name: "preSave",
      handler: function (args) {
        var entry = args.entry, fields = collectionFields(config, entry);
        if (!fields) return undefined;
        return entry.get("data").clear().merge(tidy(entry.get("data").toJS(), fields));
      },
    });
    return findLocalProxy().then(function (info) {
      if (info && /^local_/.test(info.type || "")) {
        config.backend = { name: "tiw-proxy", proxy_url: location.origin + "/api/v1", branch: "main" };
        if ((info.publish_modes || []).indexOf(config.publish_mode) < 0) config.publish_mode = "simple";
      } else if (settings.production) {
        config.backend = Object.assign({ name: "tiw-github" }, settings.production);
      } else {
        say(words, words.not_connected);
        return;
      }
      CMS.init({ config: config });
    });
  });
})();
