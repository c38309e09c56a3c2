/* The action plan tool (organisations page). Turns the printable template that macros/action_plan.py
   writes into a form: rows can be added and removed, the plan is saved in this browser only
   (localStorage) as the reader types, printed on its own (a print-only table kept in step with the
   form, with its title and the date) and exported as a CSV file made in the browser (UTF-8 with a
   byte order mark, so spreadsheet programs read Welsh letters; formula-like cells neutralised). Nothing typed is ever sent anywhere: the form is never submitted and nothing here
   makes a network request. Every word the reader sees comes from the page's data- attributes.
   On a page without the tool this script does nothing. */
(function () {
  "use strict";

  function start() {
    var root = document.querySelector("[data-tiw-action-plan]");
    if (!root) return;

    var form = root.querySelector("[data-tiw-ap-form]");
    var rowsBox = root.querySelector("[data-tiw-ap-rows]");
    var printRows = root.querySelector("[data-tiw-ap-print-rows]");
    var status = root.querySelector("[data-tiw-ap-status]");
    var savedStatus = root.querySelector("[data-tiw-ap-saved]");
    var columns = JSON.parse(root.getAttribute("data-columns"));
    var storageKey = root.getAttribute("data-storage-key");
    var minRows = parseInt(root.getAttribute("data-template-rows"), 10) || 1;
    var months = JSON.parse(root.getAttribute("data-months"));
    var printed = root.querySelector("[data-tiw-ap-printed]");
    var rows = [];
    var saveTimer = null;
    var SAVE_DELAY = 500; // milliseconds after the last key press

    function msg(name, number) {
      var text = root.getAttribute("data-msg-" + name) || "";
      return number === undefined ? text : text.split("{number}").join(String(number));
    }

    function fill(text, name, value) { return text.split("{" + name + "}").join(value); }

    function twoDigits(n) { return (n < 10 ? "0" : "") + n; }

    function say(text) {
      // Clearing first makes a repeated message ("Saved.") be announced again.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function emptyRow() {
      var row = {};
      columns.forEach(function (c) { row[c.key] = ""; });
      return row;
    }

    function isEmpty(row) {
      return columns.every(function (c) { return !String(row[c.key] || "").trim(); });
    }

    /* The print-only table: the same rows as the form, so printing needs no extra step. */
    function renderPrint() {
      printRows.textContent = "";
      rows.forEach(function (row, i) {
        var tr = document.createElement("tr");
        columns.forEach(function (c, j) {
          var td = document.createElement("td");
          td.textContent = (j === 0 ? (i + 1) + ". " : "") + row[c.key];
          tr.appendChild(td);
        });
        printRows.appendChild(tr);
      });
    }

    function renderRows() {
      rowsBox.textContent = "";
      rows.forEach(function (row, i) {
        var n = i + 1;
        var fieldset = document.createElement("fieldset");
        fieldset.className = "tiw-action-plan__row";
        var legend = document.createElement("legend");
        legend.textContent = msg("row", n);
        fieldset.appendChild(legend);
        var fields = document.createElement("div");
        fields.className = "tiw-action-plan__fields";
        columns.forEach(function (c) {
          var id = "tiw-ap-" + n + "-" + c.key;
          var wrap = document.createElement("div");
          wrap.className = "tiw-action-plan__field";
          var label = document.createElement("label");
          label.htmlFor = id;
          label.textContent = c.label;
          var input = document.createElement("textarea");
          input.id = id;
          input.name = c.key;
          input.rows = 3;
          input.value = row[c.key];
          input.setAttribute("data-row", String(i));
          input.setAttribute("data-key", c.key);
          wrap.appendChild(label);
          wrap.appendChild(input);
          fields.appendChild(wrap);
        });
        fieldset.appendChild(fields);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "tiw-tool-button tiw-tool-button--secondary";
        remove.textContent = msg("remove", n);
        remove.setAttribute("data-remove-row", String(i));
        fieldset.appendChild(remove);
        rowsBox.appendChild(fieldset);
      });
      renderPrint();
    }

    function firstField(index) {
      return rowsBox.querySelector('textarea[data-row="' + index + '"]');
    }

    function storage() {
      try { return window.localStorage; } catch (e) { return null; }
    }

    /* Saved as the reader types: shortly after the last key press, at once after a row is added
       or removed, and before the page is left. An empty plan is not kept. The status says when
       it was saved; it changes (and is announced again) only when the minute changes. */
    var lastStatus = "";
    function save() {
      window.clearTimeout(saveTimer);
      saveTimer = null;
      var store = storage();
      var text;
      try {
        if (!store) throw new Error("no storage");
        if (rows.every(isEmpty)) store.removeItem(storageKey);
        else store.setItem(storageKey, JSON.stringify({ version: 1, rows: rows }));
        var now = new Date();
        text = fill(msg("saved"), "time", twoDigits(now.getHours()) + ":" + twoDigits(now.getMinutes()));
      } catch (e) {
        text = msg("save-failed");
      }
      // Its own status region, so it never talks over "Row 4 added" and the like.
      if (text !== lastStatus) { lastStatus = text; savedStatus.textContent = text; }
    }

    function saveSoon() {
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(save, SAVE_DELAY);
    }

    function restore() {
      var store = storage();
      var saved = null;
      try { saved = store && JSON.parse(store.getItem(storageKey) || "null"); } catch (e) { saved = null; }
      if (!saved || !Array.isArray(saved.rows) || !saved.rows.length) return false;
      rows = saved.rows.map(function (r) {
        var row = emptyRow();
        columns.forEach(function (c) { if (r && typeof r[c.key] === "string") row[c.key] = r[c.key]; });
        return row;
      });
      return true;
    }

    function reset() {
      rows = [];
      for (var i = 0; i < minRows; i++) rows.push(emptyRow());
    }

    /* OWASP's advice on CSV injection: a cell that begins with =, +, -, @, a tab or a carriage
       return would be run by a spreadsheet program as a formula, so it gets a leading apostrophe
       and is shown as text. A text box turns a carriage return into a line feed, so a leading
       line feed is treated the same. The page's help text (action_plan_csv_help) tells the reader. */
    function neutralise(text) {
      return /^[=+\-@\t\r\n]/.test(text) ? "'" + text : text;
    }

    function csvField(value) {
      var text = neutralise(String(value)).replace(/\r\n|\r|\n/g, "\r\n");
      return /[",\r\n]/.test(text) || text !== text.trim() ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    function exportCsv() {
      var lines = [columns.map(function (c) { return csvField(c.label); }).join(",")];
      rows.filter(function (r) { return !isEmpty(r); }).forEach(function (r) {
        lines.push(columns.map(function (c) { return csvField(r[c.key]); }).join(","));
      });
      // The byte order mark tells spreadsheet programs the file is UTF-8 (ŵ, ŷ, â…).
      var blob = new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url;
      link.download = msg("filename");
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      say(msg("exported"));
    }

    /* Print the plan alone: the page is marked so that the print styles show only the plan's
       table, its title (the caption) and the date, until the print dialogue closes. */
    function printPlan() {
      var today = new Date();
      printed.textContent = fill(msg("printed-on"), "date",
        today.getDate() + " " + months[today.getMonth()] + " " + today.getFullYear());
      printed.hidden = false;
      document.documentElement.classList.add("tiw-print-plan");
      window.print();
    }
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("tiw-print-plan");
      printed.hidden = true;
    });

    form.addEventListener("submit", function (event) {
      // Never sent: the submit button is "Save now" (and Enter in a field): it saves in this browser.
      event.preventDefault();
      save();
    });

    form.addEventListener("input", function (event) {
      var t = event.target;
      if (!t.hasAttribute("data-row")) return;
      rows[parseInt(t.getAttribute("data-row"), 10)][t.getAttribute("data-key")] = t.value;
      renderPrint();
      saveSoon();
    });

    // Leaving or reloading the page before the pause after typing: save what is there now.
    window.addEventListener("pagehide", function () { if (saveTimer) save(); });

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !form.contains(button)) return;
      if (button.hasAttribute("data-remove-row")) {
        var index = parseInt(button.getAttribute("data-remove-row"), 10);
        rows.splice(index, 1);
        if (!rows.length) rows.push(emptyRow());
        renderRows();
        var next = firstField(Math.min(index, rows.length - 1));
        if (next) next.focus();
        say(msg("row-removed", index + 1));
        save();
      } else if (button.hasAttribute("data-tiw-ap-add")) {
        rows.push(emptyRow());
        renderRows();
        firstField(rows.length - 1).focus();
        say(msg("row-added", rows.length));
        save();
      } else if (button.hasAttribute("data-tiw-ap-export")) {
        exportCsv();
      } else if (button.hasAttribute("data-tiw-ap-print")) {
        printPlan();
      } else if (button.hasAttribute("data-tiw-ap-clear")) {
        if (!window.confirm(msg("confirm-clear"))) return;
        window.clearTimeout(saveTimer);
        saveTimer = null;
        lastStatus = "";
        savedStatus.textContent = "";
        var store = storage();
        try { if (store) store.removeItem(storageKey); } catch (e) { /* nothing was stored */ }
        reset();
        renderRows();
        firstField(0).focus();
        say(msg("cleared"));
      }
    });

    var restored = restore();
    if (!restored) reset();
    root.querySelector("[data-tiw-ap-caption]").textContent = msg("print-caption");
    root.querySelector("[data-tiw-ap-nojs]").hidden = true;
    root.classList.add("tiw-action-plan--ready");
    form.hidden = false;
    renderRows();
    if (restored) say(msg("restored"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

