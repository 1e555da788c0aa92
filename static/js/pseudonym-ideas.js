// Pseudonym ideas on the sign-up page. Without JavaScript, choosing an idea sends the
// form back with the idea in the pseudonym box. With it, the idea goes into the box at
// once, without reloading, and a screen reader hears that it did.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("id_username");
    var status = document.querySelector("[data-idea-status]");
    if (!box) {
      return;
    }
    document.querySelectorAll("button[name='pick']").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        box.value = button.value;
        box.focus();
        if (status) {
          status.textContent = button.value + " is now in the pseudonym box.";
        }
      });
    });
  });
})();
