/*
 * The note page (notat/): a note pasted or typed, codes proposed as you type, the words they rest on marked
 * in the note; codes ticked into a list that can be reordered, copied, and checked in the checker. The
 * reading itself is note-core.js, on the search engine that search.js loads; nothing is sent or stored.
 *
 * window.nkpkSuggest(text, {limit}) resolves to the suggestions, best first over all groups:
 * {code, text, system, status, group, kind, evidence: [{start, end}], reason, url}.
 */
(function () {
  "use strict";

  const LABELS = window.nkpkLabels;
  const L = LABELS.note;
  const SHOWN_MARK = "nkpk-note-shown";
  const DELAY = 250; // ms after the last key before the note is read again
  const root = document.querySelector("[data-nkpk-note]");
  const site = window.nkpkSearchSite;
  if (!site) return;
  const rules = root ? JSON.parse(root.dataset.nkpkRules) : null;
  let engine = null;

  function plural(pair, count) {
    return LABELS.fill(pair[count === 1 ? 0 : 1], { count });
  }

  // The engine with the earlier and English texts (english.json): a note is read with everything.
  function ready() {
    return site.load().then((loaded) => site.later(loaded).then(() => { engine = loaded; return loaded; }));
  }

  // A suggestion as the API gives it.
  function suggestionOf(found, note) {
    const hit = engine.hit(found.doc);
    const said = found.evidence.map((e) => note.slice(e.start, e.end)).join(" ");
    return {
      code: hit.code, text: hit.text, system: hit.system, status: hit.status, url: site.site.root + hit.path,
      group: found.group, kind: found.kind, evidence: found.evidence,
      reason: found.kind === "procedure" ? LABELS.fill(L.evidence, { words: "«" + said + "»" }) : L.groups[found.kind],
    };
  }

  window.nkpkSuggest = function (text, options) {
    return ready().then(() => {
      const read = window.nkpkNoteCore.suggest(engine, String(text), rules, options);
      return read.suggestions.map((found) => suggestionOf(found, String(text)));
    });
  };

  if (!root) return;
  const form = root.querySelector("[data-nkpk-note-form]");
  const input = form.querySelector("textarea");
  const status = root.querySelector("[data-nkpk-note-status]");
  const view = root.querySelector("[data-nkpk-note-view]");
  const groupsList = root.querySelector("[data-nkpk-note-groups]");
  const marked = root.querySelector("[data-nkpk-note-marked]");
  const chosenList = root.querySelector("[data-nkpk-note-list]");
  const count = root.querySelector("[data-nkpk-note-count]");
  const copyText = root.querySelector("[data-nkpk-note-copy-text]");
  const check = root.querySelector("[data-nkpk-note-check]");
  const chosen = []; // codes, in the coder's order
  let timer = null;

  const element = site.element;

  // The note with the words each group rests on (`words` indices) in <mark>, numbered by group.
  function markNote(note, groups, words) {
    const spans = [];
    groups.forEach((g, n) => g.evidence.forEach((i) => spans.push({ start: words[i].start, end: words[i].end, group: n + 1 })));
    spans.sort((a, b) => a.start - b.start);
    marked.textContent = "";
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      marked.append(note.slice(at, span.start));
      const mark = element("mark", null, note.slice(span.start, span.end));
      mark.dataset.group = String(span.group);
      mark.title = "#" + span.group;
      marked.append(mark);
      at = span.end;
    }
    marked.append(note.slice(at));
  }

  function codeRow(doc) {
    const hit = engine.hit(doc);
    const item = element("li", "nkpk-note__code");
    const box = element("input");
    box.type = "checkbox";
    box.value = hit.code;
    box.checked = chosen.includes(hit.code);
    box.setAttribute("aria-label", LABELS.fill(L.choose, { code: hit.code }));
    box.addEventListener("change", () => toggle(hit.code, box.checked));
    const link = element("a", "nkpk-note__link", hit.code);
    link.href = site.site.root + hit.path;
    item.append(box, " ", link, " ", element("span", "nkpk-note__text", hit.text), " ",
      element("span", "nkpk-note__meta", hit.system + " · " + hit.status));
    return item;
  }

  function showGroups(note, read) {
    groupsList.textContent = "";
    read.groups.forEach((group, n) => {
      const item = element("li", "nkpk-note__group nkpk-note__group--" + group.kind);
      const said = group.evidence.map((i) => read.words[i].text).join(" ");
      const title = element("h3", "nkpk-note__group-title", "#" + (n + 1) + " " + L.groups[group.kind]);
      const why = element("p", "nkpk-note__why", said ? LABELS.fill(L.evidence, { words: "«" + said + "»" }) : L.noEvidence);
      const codes = element("ul", "nkpk-note__codes");
      group.hits.forEach((doc) => codes.append(codeRow(doc)));
      item.append(title, why, codes);
      groupsList.append(item);
    });
    markNote(note, read.groups, read.words);
  }

  function read(now) {
    clearTimeout(timer);
    const run = () => {
      const note = input.value;
      if (!note.trim()) { status.textContent = L.empty; view.hidden = chosen.length === 0; return; }
      const started = performance.now();
      ready().then(() => {
        const found = window.nkpkNoteCore.suggest(engine, note, rules, {});
        showGroups(note, found);
        const proposals = found.groups.reduce((sum, g) => sum + g.hits.length, 0);
        status.textContent = found.groups.length ? plural(L.found, found.groups.length) : L.none;
        view.hidden = false;
        if (performance.mark) performance.mark(SHOWN_MARK, { detail: { groups: found.groups.length, proposals, spent: performance.now() - started } });
      }, () => { status.textContent = L.loadFailed; });
    };
    if (now) run(); else timer = setTimeout(run, DELAY);
  }

  function toggle(code, on) {
    const at = chosen.indexOf(code);
    if (on && at < 0) chosen.push(code);
    if (!on && at >= 0) chosen.splice(at, 1);
    showChosen();
  }

  function move(code, step) {
    const at = chosen.indexOf(code);
    const to = at + step;
    if (at < 0 || to < 0 || to >= chosen.length) return;
    chosen.splice(at, 1);
    chosen.splice(to, 0, code);
    showChosen();
    const again = chosenList.querySelector("[data-code='" + code + "'][data-step='" + step + "']");
    if (again && !again.disabled) again.focus();
  }

  function button(label, code, step, action) {
    const b = element("button", "md-button nkpk-note__move", label.text);
    b.type = "button";
    b.setAttribute("aria-label", LABELS.fill(label.name, { code }));
    b.dataset.code = code;
    b.dataset.step = String(step);
    b.addEventListener("click", action);
    return b;
  }

  function showChosen() {
    chosenList.textContent = "";
    chosen.forEach((code, at) => {
      const doc = engine.exactCode(code);
      const item = element("li", "nkpk-note__chosen");
      item.append(element("span", "nkpk-note__chosen-code", code), " ", element("span", "nkpk-note__text", engine.hit(doc).text));
      const up = button({ text: "↑", name: L.up }, code, -1, () => move(code, -1));
      const down = button({ text: "↓", name: L.down }, code, 1, () => move(code, 1));
      const remove = button({ text: "×", name: L.remove }, code, 0, () => { toggle(code, false); syncBoxes(); });
      up.disabled = at === 0;
      down.disabled = at === chosen.length - 1;
      item.append(" ", up, down, remove);
      chosenList.append(item);
    });
    count.textContent = chosen.length ? plural(L.chosen, chosen.length) : L.listEmpty;
    copyText.value = listText(false);
    // The checker takes the list in the address's fragment, never sent to a server (checker.js fromAddress).
    const field = check.dataset.nkpkNoteCheck;
    check.href = check.href.split("#")[0] + (chosen.length ? "#" + field + "=" + encodeURIComponent(chosen.join(",")) : "");
  }

  function syncBoxes() {
    groupsList.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = chosen.includes(box.value); });
  }

  function listText(withTexts) {
    return chosen.map((code) => (withTexts ? code + "\t" + engine.hit(engine.exactCode(code)).text : code)).join("\n");
  }

  function copy(withTexts) {
    const text = listText(withTexts);
    copyText.value = text;
    const done = () => { status.textContent = L.copied; };
    const failed = () => { copyText.select(); status.textContent = L.copyFailed; };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, failed);
    else failed();
  }

  status.textContent = L.ready;
  input.addEventListener("input", () => read(false));
  input.addEventListener("focus", () => ready(), { once: true });
  form.addEventListener("submit", (event) => { event.preventDefault(); read(true); });
  root.querySelectorAll("[data-nkpk-note-copy]").forEach((b) => b.addEventListener("click", () => copy(b.dataset.nkpkNoteCopy === "texts")));
  ready().then(() => showChosen(), () => { status.textContent = L.loadFailed; });
  if (input.value.trim()) read(true);
})();
