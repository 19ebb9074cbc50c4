// jianghua view: folding boilerplate, showing a doctrine's mentions, sorting tables.
// Everything works without it; it only adds these conveniences.
(function () {
  "use strict";
  document.documentElement.setAttribute("data-script", "ran");

  // A click on a block of boilerplate folds it to its kind, and unfolds it.
  document.querySelectorAll("#source .bp").forEach(function (block) {
    block.addEventListener("click", function () {
      block.classList.toggle("folded");
    });
  });

  // A doctrine's name in the side panel marks all its mentions in the text.
  document.querySelectorAll("button[data-doctrine]").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      var selector = '#source mark[data-doctrine="' + button.getAttribute("data-doctrine") + '"]';
      document.querySelectorAll(selector).forEach(function (mark) {
        mark.classList.toggle("focus", on);
      });
    });
  });

  // Sortable tables: a header's button sorts by its column (numbers as numbers, then text),
  // a second click reverses; data-sort holds a cell's sort key when its text is not one.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (header, column) {
      var button = header.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          var value = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
          return value.trim();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var nx = parseFloat(x), ny = parseFloat(y);
          var order;
          if (x === "" || y === "") order = (x === "") - (y === "");
          else if (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) order = nx - ny;
          else order = x.localeCompare(y, "zh-Hans-CN");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
