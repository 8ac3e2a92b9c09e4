/* The learner EPUB's pinyin setting: all pinyin (the default, and all a reader without
   scripts ever shows), pinyin only over the words above the book's HSK level (span.w.new), or
   none. A row of three buttons at the top of each page sets a class on <body>
   (pinyin-new, pinyin-off) that epub-learner.css hides the syllables by; the choice is kept
   for the next chapter where the reading system lets a book store it. */
(function () {
  "use strict";
  var KEY = "learner-pinyin";
  var MODES = [["all", "全部拼音"], ["new", "只注生词"], ["off", "不注拼音"]];
  var buttons = [];

  function stored() {
    try {
      return window.localStorage.getItem(KEY) || "all";
    } catch (error) {
      return "all";
    }
  }

  function store(mode) {
    try {
      window.localStorage.setItem(KEY, mode);
    } catch (error) {
      /* no storage: the setting lasts for this page */
    }
  }

  function apply(mode) {
    var body = document.body;
    body.className = (" " + body.className + " ").replace(/ pinyin-(new|off) /g, " ").trim()
      + (mode === "all" ? "" : " pinyin-" + mode);
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].setAttribute("aria-pressed", buttons[i].getAttribute("data-mode") === mode ? "true" : "false");
    }
  }

  function start() {
    var body = document.body;
    if (!body || !body.querySelector("ruby")) {
      return;
    }
    var group = document.createElement("div");
    group.className = "pinyin-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "拼音显示");
    MODES.forEach(function (entry) {
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-mode", entry[0]);
      button.appendChild(document.createTextNode(entry[1]));
      button.addEventListener("click", function () {
        store(entry[0]);
        apply(entry[0]);
      });
      buttons.push(button);
      group.appendChild(button);
    });
    body.insertBefore(group, body.firstChild);
    apply(stored());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
