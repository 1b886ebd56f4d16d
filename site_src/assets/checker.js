/*
 * The checker's page (sjekk/): a pasted list or an opened file, checked
 * against a release with checker-core.js, shown as a table and offered as
 * CSV. The page fetches the data file and nothing else; the list never
 * leaves the browser.
 */
(function () {
  "use strict";

  var core = window.nkpkChecker;
  var files = window.nkpkCheckerFiles;
  var SHOWN_MARK = "nkpk-checker-shown";
  var READY_MARK = "nkpk-checker-ready";
  // Rows per page of the table: a browser lays out ten thousand rows in
  // seconds, five hundred at once. The summary and the CSV have every row.
  var PAGE_SIZE = 500;
  var HEADERS = ["Rad", "I listen", "Kode", "Status", "Kodeverk", "Tekst", "Etterfølgere"];
  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

  function escape(text) {
    return String(text).replace(/[&<>"]/g, function (ch) { return ESCAPES[ch]; });
  }

  function number(count) {
    return count.toLocaleString("nb-NO");
  }

  function plural(count, one, many) {
    return number(count) + " " + (count === 1 ? one : many);
  }

  function Checker(box) {
    this.box = box;
    this.root = box.getAttribute("data-nkpk-root");
    this.form = box.querySelector("[data-nkpk-form]");
    this.text = box.querySelector("textarea");
    this.fileInput = box.querySelector("input[type=file]");
    this.filePanel = box.querySelector("[data-nkpk-file]");
    this.fileName = box.querySelector("[data-nkpk-file-name]");
    this.column = box.querySelector("select[name=kolonne]");
    this.header = box.querySelector("input[name=overskrift]");
    this.release = box.querySelector("select[name=utgave]");
    this.summary = box.querySelector("[data-nkpk-summary]");
    this.view = box.querySelector("[data-nkpk-view]");
    this.onlyProblems = box.querySelector("input[name=bare-feil]");
    this.pageText = box.querySelector("[data-nkpk-page-text]");
    this.pager = box.querySelector("nav");
    this.steps = box.querySelectorAll("[data-nkpk-step]");
    this.result = box.querySelector("[data-nkpk-result]");
    this.file = null; // {name, rows, columns}
    this.last = null; // the last result shown: {data, result, rows (after the filter), page}
    this.data = this.load(box.getAttribute("data-nkpk-data"));
    this.listen();
  }

  Checker.prototype.load = function (url) {
    var checker = this;
    var loading = fetch(url).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (file) { return new core.Data(file); });
    loading.then(function () {
      if (performance.mark) performance.mark(READY_MARK);
      checker.say("Lim inn koder eller åpne en fil, velg utgave og trykk «Sjekk».");
    }, function () {
      checker.say("Kodeverket kunne ikke lastes. Last siden på nytt for å prøve igjen.");
    });
    return loading;
  };

  Checker.prototype.say = function (text) {
    this.summary.textContent = text;
  };

  Checker.prototype.listen = function () {
    var checker = this;
    checker.form.addEventListener("submit", function (event) {
      event.preventDefault();
      checker.run();
    });
    checker.release.addEventListener("change", function () { if (checker.last) checker.run(); });
    checker.fileInput.addEventListener("change", function () { checker.open(checker.fileInput.files[0]); });
    checker.column.addEventListener("change", function () { checker.run(); });
    checker.header.addEventListener("change", function () { checker.run(); });
    checker.box.querySelector("[data-nkpk-drop-file]").addEventListener("click", function () { checker.dropFile(); });
    checker.box.querySelector("[data-nkpk-save]").addEventListener("click", function () { checker.save(); });
    checker.onlyProblems.addEventListener("change", function () { if (checker.last) checker.filter(); });
    Array.prototype.forEach.call(checker.steps, function (button) {
      button.addEventListener("click", function () {
        checker.turn(Number(button.getAttribute("data-nkpk-step")));
      });
    });
  };

  // --- files ----------------------------------------------------------------

  Checker.prototype.open = function (file) {
    var checker = this;
    if (!file) return;
    checker.say("Leser «" + file.name + "» …");
    Promise.all([checker.data, files.read(file)]).then(function (parts) {
      checker.useFile(file.name, parts[1], parts[0]);
      checker.run();
    }, function () {
      checker.dropFile();
      checker.say("Kunne ikke lese «" + file.name + "». Sjekken leser .txt, .csv og .xlsx (ikke eldre .xls-filer).");
    });
  };

  // How much a column looks like codes: known codes first, then code shapes.
  function columnScore(rows, column, data) {
    var known = 0;
    var shaped = 0;
    rows.forEach(function (row) {
      var code = core.normalise(row.cells[column] || "");
      if (data.has(code)) known++;
      else if (core.isCode(code) && /\d/.test(code)) shaped++;
    });
    return known * 2 + shaped;
  }

  function looksLikeHeader(value, data) {
    var code = core.normalise(value || "");
    return code !== "" && !data.has(code) && !/\d/.test(code);
  }

  Checker.prototype.useFile = function (name, read, data) {
    var best = 0;
    var bestScore = -1;
    this.column.textContent = "";
    var first = read.rows.length ? read.rows[0].cells : [];
    for (var c = 0; c < read.columns; c++) {
      var score = columnScore(read.rows, c, data);
      if (score > bestScore) { best = c; bestScore = score; }
      var sample = first[c] ? " – " + first[c].slice(0, 40) : "";
      this.column.appendChild(new Option("Kolonne " + files.columnName(c) + sample, String(c)));
    }
    this.column.value = String(best);
    this.header.checked = looksLikeHeader(first[best], data);
    this.file = { name: name, rows: read.rows, columns: read.columns };
    this.fileName.textContent = "Fil: " + name + " (" + plural(read.rows.length, "rad", "rader") + ")";
    this.filePanel.hidden = false;
    this.text.disabled = true;
  };

  Checker.prototype.dropFile = function () {
    this.file = null;
    this.fileInput.value = "";
    this.filePanel.hidden = true;
    this.text.disabled = false;
    this.column.textContent = "";
  };

  Checker.prototype.entries = function () {
    if (!this.file) return core.splitText(this.text.value);
    var column = Number(this.column.value);
    var rows = this.header.checked ? this.file.rows.slice(1) : this.file.rows;
    var entries = [];
    rows.forEach(function (row) {
      var value = (row.cells[column] || "").trim();
      if (value) entries.push({ row: row.n, raw: value });
    });
    return entries;
  };

  // --- checking and showing -------------------------------------------------

  Checker.prototype.run = function () {
    var checker = this;
    var year = Number(checker.release.value);
    checker.data.then(function (data) {
      var entries = checker.entries();
      if (!entries.length) {
        checker.last = null;
        checker.result.textContent = "";
        checker.view.hidden = true;
        checker.say("Listen er tom: lim inn koder eller åpne en fil.");
        return;
      }
      checker.show(data, data.check(entries, year));
    });
  };

  function summaryText(result, newest) {
    var c = result.counts;
    var parts = [];
    if (c.valid) parts.push(plural(c.valid, "gyldig", "gyldige"));
    if (c.expired) parts.push(number(c.expired) + " utgått");
    if (c.future) parts.push(number(c.future) + " ikke gyldig ennå");
    if (c.absent) parts.push(number(c.absent) + " ikke i utgaven");
    if (c.unknown) parts.push(plural(c.unknown, "ukjent", "ukjente"));
    if (c.malformed) parts.push(number(c.malformed) + " med ugyldig format");
    var release = result.year + (result.year === newest ? " (den nyeste på dette nettstedet)" : "");
    var text = "Sjekket " + plural(result.rows.length, "kode", "koder") + " mot utgave " + release + ": " +
      parts.join(", ") + ".";
    if (c.duplicates) {
      text += " " + plural(c.duplicates, "rad gjentar", "rader gjentar") + " en kode som står tidligere i listen.";
    }
    return text;
  }

  Checker.prototype.codeLink = function (data, code) {
    return '<a href="' + escape(this.root + data.path(code)) + '">' + code + "</a>";
  };

  Checker.prototype.successorHtml = function (data, successor) {
    var checker = this;
    var html = escape(successor.label) + " " + checker.codeLink(data, successor.code);
    if (successor.via.length) {
      html += " (via " + successor.via.map(function (code) { return checker.codeLink(data, code); }).join(", ") + ")";
    }
    var note = data.successorNote(successor);
    return note ? html + " – " + escape(note) : html;
  };

  // "Did you mean": known codes one keystroke away from an unknown one.
  Checker.prototype.nearbyHtml = function (data, code) {
    var checker = this;
    var near = data.nearby(code, 3);
    if (!near.length) return "";
    return '<br><span class="nkpk-check__nearby">Mente du ' +
      near.map(function (c) { return checker.codeLink(data, c); }).join(" eller ") + "?</span>";
  };

  Checker.prototype.rowHtml = function (data, row) {
    var found = row.found;
    var known = found.state !== "unknown" && found.state !== "malformed";
    var checker = this;
    var successors = found.successors.map(function (s) { return checker.successorHtml(data, s); }).join("<br>");
    return '<tr class="nkpk-check--' + found.state + '"><td>' + row.row + "</td><td>" + escape(row.raw) +
      "</td><td>" + (known ? checker.codeLink(data, row.code) : row.code) +
      '</td><td><span class="nkpk-check__status">' + escape(data.statusText(found)) + "</span>" +
      (found.state === "unknown" ? checker.nearbyHtml(data, row.code) : "") + "</td><td>" +
      escape(data.systemName(found)) + "</td><td>" + escape(found.text || "") + "</td><td>" + successors + "</td></tr>";
  };

  Checker.prototype.show = function (data, result) {
    this.last = { data: data, result: result, rows: result.rows, page: 0 };
    this.view.hidden = false;
    this.say(summaryText(result, data.years[data.years.length - 1]));
    this.filter();
    if (performance.mark) performance.mark(SHOWN_MARK, { detail: { rows: result.rows.length } });
  };

  Checker.prototype.filter = function () {
    var last = this.last;
    last.rows = !this.onlyProblems.checked ? last.result.rows : last.result.rows.filter(function (row) {
      return row.found.state !== "valid";
    });
    last.page = 0;
    this.draw();
  };

  Checker.prototype.turn = function (step) {
    var last = this.last;
    var pages = Math.max(1, Math.ceil(last.rows.length / PAGE_SIZE));
    last.page = Math.min(pages - 1, Math.max(0, last.page + step));
    this.draw();
  };

  // The current page of the table, and the pager's state.
  Checker.prototype.draw = function () {
    var checker = this;
    var last = checker.last;
    var from = last.page * PAGE_SIZE;
    var rows = last.rows.slice(from, from + PAGE_SIZE);
    var shown = rows.length ? number(from + 1) + "–" + number(from + rows.length) + " av " : "0 av ";
    var range = "Viser " + shown + plural(last.rows.length, "rad", "rader");
    var body = rows.map(function (row) { return checker.rowHtml(last.data, row); }).join("");
    var head = HEADERS.map(function (h) { return '<th scope="col">' + h + "</th>"; }).join("");
    checker.result.innerHTML =
      '<div class="nkpk-checker__table" role="region" aria-labelledby="nkpk-checker-caption" tabindex="0">' +
      '<table class="nkpk-checker__grid"><caption id="nkpk-checker-caption">Resultat for utgave ' +
      last.result.year + " (" + range.charAt(0).toLowerCase() + range.slice(1) + ")</caption>" +
      "<thead><tr>" + head + "</tr></thead><tbody>" + body + "</tbody></table></div>";
    checker.pageText.textContent = range;
    checker.pager.hidden = last.rows.length <= PAGE_SIZE;
    checker.steps[0].disabled = from === 0;
    checker.steps[1].disabled = from + PAGE_SIZE >= last.rows.length;
  };

  Checker.prototype.save = function () {
    if (!this.last) return;
    var blob = new Blob([this.last.data.csv(this.last.result)], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "kodeliste-sjekket-" + this.last.result.year + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  };

  var box = document.querySelector("[data-nkpk-checker]");
  if (box && core && files) new Checker(box);
})();
