// Quick exit (GOV.UK "Exit this page" pattern). Without JavaScript the button is a
// plain link. With it, the page is blanked at once and replaced in history, so Back does
// not return here; pressing Shift three times in a row does the same. The hint that says
// so is shown only here, where the script listens, and only on devices with a fine
// pointer that hovers (a computer, where a keyboard is at hand), not on phones.
(function () {
  "use strict";
  var SHIFT_PRESSES = 3;
  var WINDOW_MS = 5000;

  function exitPage(url) {
    document.title = "Loading";
    document.body.innerHTML = "";
    document.body.style.background = "#fff";
    window.location.replace(url);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var link = document.getElementById("quick-exit");
    if (!link) {
      return;
    }
    var hint = document.querySelector(".quick-exit-hint");
    if (hint && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
      hint.hidden = false;
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      exitPage(link.href);
    });

    var presses = 0;
    var timer = null;
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") {
        presses = 0;
        return;
      }
      presses += 1;
      clearTimeout(timer);
      if (presses >= SHIFT_PRESSES) {
        exitPage(link.href);
        return;
      }
      timer = setTimeout(function () {
        presses = 0;
      }, WINDOW_MS);
    });
  });
})();
