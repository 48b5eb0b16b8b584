// A table with class "sw-kaarten" becomes a list of cards on a narrow screen (app.css, docs/ui.md).
// Each cell then shows the name of its column: copied here from the header row into data-label,
// so templates name a column once. Runs again after htmx swaps a row.
(function () {
  "use strict";
  function benoem(wortel) {
    wortel.querySelectorAll("table.sw-kaarten, table.sw-kaarten--breed").forEach(function (tabel) {
      var koppen = [];
      var kop = tabel.tHead && tabel.tHead.rows[tabel.tHead.rows.length - 1];
      if (!kop) return;
      Array.prototype.forEach.call(kop.cells, function (cel) {
        var tekst = cel.textContent.trim().replace(/\s+/g, " ");
        if (tekst && !/[?:!.]$/.test(tekst)) tekst += ":";
        for (var i = 0; i < cel.colSpan; i++) koppen.push(tekst);
      });
      Array.prototype.forEach.call(tabel.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (rij) {
          var kolom = 0;
          Array.prototype.forEach.call(rij.cells, function (cel) {
            if (koppen[kolom] && !cel.hasAttribute("data-label")) cel.setAttribute("data-label", koppen[kolom]);
            kolom += cel.colSpan;
          });
        });
      });
    });
  }
  // A table that is still wider than the screen scrolls inside its container, never the page;
  // the container is then a named region that takes keyboard focus (so it can be scrolled
  // with the arrow keys, WCAG 2.1.1).
  function schuifbaar() {
    document.querySelectorAll(".utrecht-table-container").forEach(function (doos) {
      if (doos.scrollWidth > doos.clientWidth + 1) {
        var bijschrift = doos.querySelector("caption");
        doos.setAttribute("tabindex", "0");
        doos.setAttribute("role", "region");
        if (bijschrift) doos.setAttribute("aria-label", bijschrift.textContent.trim());
      } else if (doos.getAttribute("role") === "region") {
        doos.removeAttribute("tabindex");
        doos.removeAttribute("role");
        doos.removeAttribute("aria-label");
      }
    });
  }
  function alles() { benoem(document); schuifbaar(); }
  document.addEventListener("DOMContentLoaded", alles);
  document.addEventListener("htmx:afterSettle", alles);
  window.addEventListener("resize", schuifbaar);
})();
