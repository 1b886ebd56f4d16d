/*
 * NKPK search on every page: the box in the header, the results page
 * (sok/?q=...) and window.nkpkSearch(query, {limit, expired, systems}).
 *
 * Every address comes from the search form's data- attributes
 * (templates/partials/nkpk-search.html): the site's root, the search file,
 * the scripts in load order and the results page. Nothing is fetched until
 * the pointer is over the box, the box gets focus, the results page opens
 * or the API is called; then the scripts and the search file load in
 * parallel. The results page itself is search-results.js.
 */
(function () {
  "use strict";

  const LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  const L = LABELS.search;
  const BOX_LIMIT = 8;
  const API_LIMIT = 10;
  const HIDE_PARAM = "skjul";
  const HIDE_VALUE = "utgatte";
  const SHOWN_MARK = "nkpk-search-shown";
  const WARM_BUDGET = 40;

  const form = document.querySelector("form[data-nkpk-search]");
  if (!form) return;
  const absolute = (href) => new URL(href, location.href).href;
  const site = {
    root: absolute(form.dataset.nkpkRoot),
    index: absolute(form.dataset.nkpkIndex),
    english: absolute(form.dataset.nkpkEnglish),
    page: absolute(form.dataset.nkpkPage),
    scripts: form.dataset.nkpkScripts.split(" ").map(absolute),
  };
  let loading = null;
  let loaded = null;
  let english = null;
  const LOOKS_LIKE_CODE = /^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9 ]{3,10}$/;

  function addScript(src) {
    return new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = src;
      element.async = false; // download in parallel, run in order
      element.onload = resolve;
      element.onerror = () => reject(new Error("could not load " + src));
      document.head.appendChild(element);
    });
  }

  // From disk (file://) fetch() fails: the offline build writes each search file also as a script
  // that sets a global (generator/output/offline.py DATA_SCRIPTS).
  const OFFLINE_GLOBALS = { index: "nkpkSearchFile", english: "nkpkSearchEnglish" };
  function fetchJSON(part) {
    const address = site[part];
    if (location.protocol === "file:") {
      return addScript(address.replace(/\.json$/, ".js")).then(() => window[OFFLINE_GLOBALS[part]]);
    }
    return fetch(address).then((response) => {
      if (!response.ok) throw new Error("search file: HTTP " + response.status);
      return response.json();
    });
  }

  // The English texts' entries, fetched once the browser is idle after the first results (their bytes
  // do not delay them), or at once for the API; the box and the results page search again when they arrive. Without them search goes on.
  function loadEnglish(engine) {
    if (!english) {
      english = fetchJSON("english").then((file) => {
        engine.addLater(file);
        document.dispatchEvent(new CustomEvent("nkpk-search-english"));
      }, () => null);
    }
    return english;
  }

  // The engine's warm-up queries, once the first results are shown and the browser is idle:
  // at most WARM_BUDGET ms in one go, which ends before a fast typist's next key.
  function warmUp(engine) {
    const idle = window.requestIdleCallback || ((task) => setTimeout(task, 50));
    idle(() => {
      const started = performance.now();
      const queries = engine.warmQueries();
      while (queries.length && performance.now() - started < WARM_BUDGET) engine.search(queries.shift());
      loadEnglish(engine);
    });
  }

  // The engine, loaded once; a failed load is tried again on the next call.
  function load() {
    if (!loading) {
      loading = Promise.all([fetchJSON("index"), Promise.all(site.scripts.map(addScript))]).then(([file]) => {
        loaded = window.nkpkSearchEngine.create(window.lunr, file);
        warmUp(loaded);
        return loaded;
      });
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  // A hit as the API and the pages use it: `url` absolute.
  function hitOf(engine, found) {
    const hit = engine.hit(found);
    hit.url = site.root + hit.path;
    delete hit.path;
    return hit;
  }

  window.nkpkSearch = function (query, options) {
    const limit = options && options.limit != null ? options.limit : API_LIMIT;
    return load().then((engine) => loadEnglish(engine).then(() =>
      engine.search(String(query), options).slice(0, limit).map((found) => hitOf(engine, found))));
  };

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // A text with the words the query matched in <mark>.
  function marked(tag, className, text, marks) {
    const node = element(tag, className);
    let at = 0;
    for (const [start, end] of marks) {
      node.append(text.slice(at, start), element("mark", null, text.slice(start, end)));
      at = end;
    }
    node.append(text.slice(at));
    return node;
  }

  // One hit as a link: code, text (matched words marked), the earlier text it was found by,
  // code system and status against the newest release.
  function hitLink(engine, found) {
    const hit = hitOf(engine, found);
    const link = element("a", "nkpk-hit" + (hit.active ? "" : " nkpk-hit--expired"));
    link.href = hit.url;
    link.dataset.why = hit.why;
    link.append(element("span", "nkpk-hit__code", hit.code));
    link.append(marked("span", "nkpk-hit__text", hit.text, hit.old ? [] : engine.marks(hit.text, found.plan)));
    if (hit.old) {
      const old = marked("span", "nkpk-hit__old", hit.old.text, engine.marks(hit.old.text, found.plan));
      old.prepend(LABELS.fill(L.oldText, { year: hit.old.until }));
      link.append(old);
    }
    if (hit.reason) link.append(element("span", "nkpk-hit__why", L.found + " " + hit.reason));
    const meta = element("span", "nkpk-hit__meta", hit.system + " · ");
    meta.append(element("span", hit.active ? "nkpk-hit__status" : "nkpk-hit__status nkpk-hit__expired", hit.status));
    link.append(meta);
    return link;
  }

  // `1 234 treff`; toLocaleString would load the locale's data on first use (20 ms).
  function countText(count) {
    if (count === 0) return L.noHits;
    return LABELS.fill(L.hits, { count: String(count).replace(/\B(?=(\d{3})+$)/g, "\u00a0") });
  }

  // "ingen treff på «fjerning»" for the query words that match nothing (they do not empty the list).
  function missingText(ranked) {
    const missing = ranked.missing || [];
    return missing.length ? L.missing + " " + missing.map((word) => "«" + word + "»").join(", ") : "";
  }

  function markShown(query, count, started) {
    const detail = { query, count, spent: performance.now() - started };
    if (performance.mark) performance.mark(SHOWN_MARK, { detail });
  }

  function isEditable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // The box in the header: results as you type, arrow keys and Enter.
  function SearchBox() {
    this.input = form.querySelector("input[name=q]");
    this.hide = form.querySelector("input[name=" + HIDE_PARAM + "]");
    this.panel = form.querySelector("[data-nkpk-panel]");
    this.list = form.querySelector("[role=listbox]");
    this.all = form.querySelector("[data-nkpk-all]");
    this.status = form.querySelector("[role=status]");
    this.hits = [];
    this.selected = -1;
    this.listen();
  }

  SearchBox.prototype.listen = function () {
    this.input.addEventListener("pointerenter", () => load());
    this.input.addEventListener("focus", () => load());
    this.input.addEventListener("input", () => this.update());
    // Words typed before this script ran (a page still loading) are searched at once.
    if (this.input.value.trim() && document.activeElement === this.input) this.update();
    // The English entries arrived: search again, unless a hit is selected (the list must not move under the keys).
    document.addEventListener("nkpk-search-english", () => { if (!this.panel.hidden && this.selected < 0) this.update(); });
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.hide.addEventListener("change", () => { this.update(); this.input.focus(); });
    document.addEventListener("keydown", (event) => {
      if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) {
        event.preventDefault();
        this.input.focus();
        this.input.select();
      }
    });
    document.addEventListener("click", (event) => { if (!form.contains(event.target)) this.close(); });
  };

  SearchBox.prototype.update = function () {
    const query = this.input.value;
    if (!query.trim()) { this.close(); return; }
    load().then((engine) => {
      if (this.input.value === query) this.render(engine, query);
    }, () => this.message(L.loadFailed));
  };

  SearchBox.prototype.render = function (engine, query) {
    const started = performance.now();
    const ranked = engine.search(query, { expired: !this.hide.checked });
    this.hits = ranked.slice(0, BOX_LIMIT);
    this.selected = -1;
    // The links are the listbox's options; the list items only hold them.
    const items = this.hits.map((found, number) => {
      const item = element("li");
      item.setAttribute("role", "none");
      const link = hitLink(engine, found);
      link.id = "nkpk-hit-" + number;
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.tabIndex = -1;
      item.append(link);
      return item;
    });
    this.list.replaceChildren(...items);
    const missing = missingText(ranked);
    this.status.textContent = countText(ranked.length) + (missing ? " · " + missing : "");
    this.all.href = site.page + "?q=" + encodeURIComponent(query) + (this.hide.checked ? "&" + HIDE_PARAM + "=" + HIDE_VALUE : "");
    this.all.hidden = ranked.length <= BOX_LIMIT;
    this.open();
    markShown(query, ranked.length, started);
  };

  SearchBox.prototype.message = function (text) {
    this.hits = [];
    this.list.replaceChildren();
    this.status.textContent = text;
    this.open();
  };

  SearchBox.prototype.open = function () {
    this.panel.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.input.removeAttribute("aria-activedescendant");
  };

  SearchBox.prototype.close = function () {
    this.panel.hidden = true;
    this.selected = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  SearchBox.prototype.option = function (number) {
    return this.list.children[number].firstChild;
  };

  SearchBox.prototype.select = function (number) {
    if (this.selected >= 0) this.option(this.selected).setAttribute("aria-selected", "false");
    this.selected = number;
    if (number < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    const option = this.option(number);
    option.setAttribute("aria-selected", "true");
    option.scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", option.id);
  };

  SearchBox.prototype.key = function (event) {
    const count = this.hits.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (this.panel.hidden) { this.update(); return; }
      event.preventDefault();
      if (!count) return;
      const next = this.selected + (event.key === "ArrowDown" ? 1 : -1);
      this.select(next < -1 ? count - 1 : next >= count ? -1 : next);
    } else if (event.key === "Enter" && this.selected >= 0 && !this.panel.hidden) {
      event.preventDefault();
      location.href = this.option(this.selected).href;
    } else if (event.key === "Enter" && loaded && loaded.exactCode(this.input.value) >= 0) {
      // A query that is exactly a code opens that code's page.
      event.preventDefault();
      location.href = hitOf(loaded, loaded.exactCode(this.input.value)).url;
    } else if (event.key === "Enter" && !loaded && LOOKS_LIKE_CODE.test(this.input.value.trim())) {
      // Enter before the search has loaded: wait for it, then open the code's page or the results.
      event.preventDefault();
      const query = this.input.value;
      load().then((engine) => {
        const found = engine.exactCode(query);
        if (found >= 0) location.href = hitOf(engine, found).url;
        else form.submit();
      }, () => form.submit());
    } else if (event.key === "Escape") {
      if (this.panel.hidden) this.input.blur(); else this.close();
    }
  };

  const box = new SearchBox();
  window.nkpkSearchSite = { load, later: loadEnglish, box, site, hitLink, countText, missingText, markShown, element, HIDE_PARAM, HIDE_VALUE };
  const results = document.querySelector("[data-nkpk-results]");
  if (results) load().then(() => window.nkpkSearchResults(results), () => {
    results.querySelector("[data-nkpk-summary]").textContent = L.loadFailed;
  });
})();
