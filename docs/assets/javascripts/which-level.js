/* "Which practice level fits my role?": turns the decision list that macros/which_level.py writes
   into a step-by-step guide, one question at a time, then shows the levels the answers point to
   with the reasoning. It only shows and hides what the page already contains, so it holds no
   language text; without it the page keeps the full decision list. On a page without the guide
   this script does nothing. Nothing is stored or sent anywhere. */
(function () {
  "use strict";

  function start() {
    var root = document.querySelector("[data-tiw-which-level]");
    if (!root) return;

    var list = root.querySelector("[data-tiw-wl-list]");
    var form = root.querySelector("[data-tiw-wl-form]");
    var back = root.querySelector("[data-tiw-wl-back]");
    var result = root.querySelector("[data-tiw-wl-result]");
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
    var first = root.getAttribute("data-start");
    var path = [];        // the ids of the questions asked so far, the current one last

    function step(id) {
      return form.querySelector('[data-question="' + id + '"]');
    }

    function chosen(fieldset) {
      return fieldset.querySelector("input[type=radio]:checked");
    }

    function setError(fieldset, on) {
      fieldset.querySelector(".tiw-which-level__error").hidden = !on;
      fieldset.classList.toggle("tiw-which-level__step--error", on);
    }

    function show(id, moveFocus) {
      steps.forEach(function (s) { s.hidden = s.getAttribute("data-question") !== id; });
      var current = step(id);
      setError(current, false);
      back.hidden = path.length < 2;
      result.hidden = true;
      form.hidden = false;
      if (moveFocus) current.querySelector(".tiw-which-level__legend").focus();
    }

    function showResult() {
      var levels = {};
      levels[root.getAttribute("data-everyone")] = true;
      var reasons = {};
      path.forEach(function (id) {
        var answer = chosen(step(id));
        reasons[id + ":" + answer.value] = true;
        answer.getAttribute("data-levels").split(" ").forEach(function (l) { if (l) levels[l] = true; });
      });
      result.querySelectorAll("[data-level]").forEach(function (li) {
        li.hidden = !levels[li.getAttribute("data-level")];
      });
      result.querySelectorAll("[data-reason]").forEach(function (li) {
        var key = li.getAttribute("data-reason");
        li.hidden = key !== "everyone" && !reasons[key];
      });
      form.hidden = true;
      result.hidden = false;
      result.querySelector("#wl-result-heading").focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = path[path.length - 1];
      var current = step(id);
      var answer = chosen(current);
      if (!answer) {
        setError(current, true);
        current.querySelector("input[type=radio]").focus();
        return;
      }
      var next = answer.getAttribute("data-next");
      if (next === "result") {
        showResult();
      } else {
        path.push(next);
        show(next, true);
      }
    });

    form.addEventListener("change", function (event) {
      if (event.target.type === "radio") setError(event.target.closest("[data-question]"), false);
    });

    back.addEventListener("click", function () {
      if (path.length < 2) return;
      path.pop();
      show(path[path.length - 1], true);
    });

    root.querySelector("[data-tiw-wl-restart]").addEventListener("click", function () {
      form.reset();
      path = [first];
      show(first, true);
    });

    list.hidden = true;
    path = [first];
    show(first, false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
