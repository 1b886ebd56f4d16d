/*
 * CSV for the site's downloads, shared by the checker (checker-core.js) and
 * the comparison (compare.js): window.nkpkCsv.field(value, separator, forExcel)
 * and window.nkpkCsv.text(rows, separator, forExcel).
 */
(() => {
  "use strict";

  // One field as RFC 4180 (and Python's csv module) writes it: in quotes, inner
  // quotes doubled, where it holds a quote, the separator or a line break.
  // `forExcel`: also where it starts or ends with white space, and a value a
  // spreadsheet would take for a formula (= + - @ tab CR first) gets an apostrophe.
  function field(value, separator, forExcel) {
    let text = value == null ? "" : String(value);
    if (forExcel && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    let quoted = text.includes('"') || text.includes(separator) || /[\r\n]/.test(text) || (forExcel && text.trim() !== text);
    return quoted ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // Rows (arrays of values) as a file: byte-order mark, CRLF after every line.
  function text(rows, separator, forExcel) {
    let lines = rows.map((row) => row.map((value) => field(value, separator, forExcel)).join(separator));
    return "\uFEFF" + lines.join("\r\n") + "\r\n";
  }

  window.nkpkCsv = { field: field, text: text };
})();
