/*
 * The proposal form (forslagsskjema/): builds the e-mail to the
 * address in the form's data-nkpk-to as a mailto: link and a copy to download.
 * It sends nothing and keeps nothing: no request, no storage.
 * window.nkpkProposal.body(fields) returns the e-mail's text, for tests.
 */
(function () {
  "use strict";

  var LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  var L = LABELS.proposal;
  function labelled(names) {
    return names.map(function (name) { return [name, L.fields[name]]; });
  }
  var FIELDS = labelled(["type", "kodeverk", "kode", "tekst", "forslag", "begrunnelse", "inkluderer", "ekskluderer"]);
  var CONTACT = labelled(["navn", "virksomhet", "epost", "telefon"]);
  // An 11-digit number may be a national identity number (fødselsnummer): never in a proposal.
  var IDENTITY = /(^|\D)\d{6}\s?\d{5}(?!\d)/;

  function lines(pairs, fields) {
    return pairs.map(function (pair) {
      var value = (fields[pair[0]] || "").trim();
      if (!value) return null;
      return value.indexOf("\n") >= 0 ? pair[1] + ":\n" + value : pair[1] + ": " + value;
    }).filter(function (line) { return line !== null; });
  }

  function subject(fields) {
    var code = (fields.kode || "").trim().toUpperCase();
    return L.title + (code ? ": " + code : "");
  }

  function body(fields) {
    var parts = [L.title, ""];
    parts = parts.concat(lines(FIELDS, fields), ["", L.contact], lines(CONTACT, fields), ["", L.confirm]);
    return parts.join("\r\n").replace(/\r?\n/g, "\r\n") + "\r\n";
  }

  function mailto(to, fields) {
    return "mailto:" + to + "?subject=" + encodeURIComponent(subject(fields)) + "&body=" + encodeURIComponent(body(fields));
  }

  function problems(form, fields) {
    var found = [];
    if (!(fields.begrunnelse || "").trim()) found.push(["forslag-begrunnelse", L.needReason]);
    if (!(fields.navn || "").trim()) found.push(["forslag-navn", L.needName]);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test((fields.epost || "").trim())) {
      found.push(["forslag-epost", L.needEmail]);
    }
    var free = FIELDS.map(function (pair) { return fields[pair[0]] || ""; }).join("\n");
    if (IDENTITY.test(free)) {
      found.push(["forslag-begrunnelse", L.identityNumber]);
    }
    if (!form.elements["ingen-pasient"].checked) {
      found.push(["", L.needConfirm]);
    }
    return found;
  }

  function values(form) {
    var fields = {};
    FIELDS.concat(CONTACT).forEach(function (pair) {
      var element = form.elements[pair[0]];
      if (element) fields[pair[0]] = element.value;
    });
    return fields;
  }

  function showProblems(box, found) {
    box.textContent = "";
    if (!found.length) return;
    var list = document.createElement("ul");
    found.forEach(function (problem) {
      var item = document.createElement("li");
      if (problem[0]) {
        var link = document.createElement("a");
        link.href = "#" + problem[0];
        link.textContent = problem[1];
        item.appendChild(link);
      } else {
        item.textContent = problem[1];
      }
      list.appendChild(item);
    });
    var title = document.createElement("p");
    title.textContent = L.notReady;
    box.appendChild(title);
    box.appendChild(list);
  }

  function prefill(form) {
    var query = new URLSearchParams(window.location.search);
    [["kode", "kode"], ["tekst", "tekst"], ["kodeverk", "kodeverk"]].forEach(function (pair) {
      var value = query.get(pair[0]);
      var element = form.elements[pair[1]];
      if (value && element) element.value = value;
    });
  }

  function download(text, code) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(["\uFEFF" + text], { type: "text/plain;charset=utf-8" }));
    link.download = LABELS.fill(L.fileName, { code: code ? "-" + code.trim().toUpperCase().replace(/[^A-Z0-9]/g, "") : "" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function start(form) {
    var result = document.querySelector("[data-nkpk-result]");
    var box = form.querySelector("[data-nkpk-problems]");
    var text = result.querySelector("[data-nkpk-body]");
    var status = result.querySelector("[data-nkpk-result-status]");
    var current = ""; // the e-mail's text with CRLF line ends (a textarea's value has LF only)
    // Without this script the form stays hidden: a plain submit would put the proposal in an address.
    var nojs = document.querySelector("[data-nkpk-nojs]");
    if (nojs) nojs.hidden = true;
    form.hidden = false;
    prefill(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = values(form);
      var found = problems(form, fields);
      showProblems(box, found);
      if (found.length) {
        result.hidden = true;
        box.focus();
        return;
      }
      current = body(fields);
      text.value = current;
      result.querySelector("[data-nkpk-mailto]").href = mailto(form.getAttribute("data-nkpk-to"), fields);
      status.textContent = "";
      result.hidden = false;
      result.querySelector("h2").focus();
    });
    result.querySelector("[data-nkpk-download]").addEventListener("click", function () {
      download(current, form.elements.kode.value);
      status.textContent = L.downloaded;
    });
    result.querySelector("[data-nkpk-copy-text]").addEventListener("click", function () {
      navigator.clipboard.writeText(current).then(function () {
        status.textContent = L.copied;
      }, function () {
        text.select();
        status.textContent = L.copyYourself;
      });
    });
  }

  window.nkpkProposal = { body: body, subject: subject, mailto: mailto };
  var form = document.querySelector("[data-nkpk-proposal]");
  if (form) start(form);
})();
