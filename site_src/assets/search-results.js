/*
 * NKPK search: the results page, sok/?q=... Every hit, PAGE_SIZE to a page
 * (&side=2), filtered by code system (&kodeverk=NCSP, repeatable) and
 * validity (&skjul=utgatte), matched words marked; "Mente du" suggestions
 * when nothing matched or a query word matched nothing. Loaded with the engine by search.js, which calls
 * window.nkpkSearchResults(container) on the page that has the container.
 */
(function () {
  "use strict";

  const LABELS = window.nkpkLabels; // assets/nkpk-labels.js, from generator/labels.py
  const L = LABELS.search;
  const PAGE_SIZE = 50;
  const SYSTEM_PARAM = "kodeverk";
  const PAGE_PARAM = "side";

  function ResultsPage(container, site) {
    const params = new URLSearchParams(location.search);
    this.site = site;
    this.container = container;
    this.query = params.get("q") || "";
    this.systems = params.getAll(SYSTEM_PARAM);
    this.number = Math.max(1, parseInt(params.get(PAGE_PARAM), 10) || 1);
    this.hide = container.querySelector("input[name=" + site.HIDE_PARAM + "]");
    this.hide.checked = params.get(site.HIDE_PARAM) === site.HIDE_VALUE;
    this.summary = container.querySelector("[data-nkpk-summary]");
    this.list = container.querySelector("[data-nkpk-list]");
    this.pages = container.querySelector("[data-nkpk-pages]");
    this.suggestions = container.querySelector("[data-nkpk-suggest]");
    this.systemBox = container.querySelector("[data-nkpk-systems]");
    site.box.input.value = this.query;
    site.box.hide.checked = this.hide.checked;
    this.hide.addEventListener("change", () => { site.box.hide.checked = this.hide.checked; this.changed(); });
  }

  // The page's address for the current query and filters, on page `number`.
  ResultsPage.prototype.href = function (number, query) {
    const params = new URLSearchParams();
    params.set("q", query == null ? this.query : query);
    if (this.hide.checked) params.set(this.site.HIDE_PARAM, this.site.HIDE_VALUE);
    this.systems.forEach((system) => params.append(SYSTEM_PARAM, system));
    if (number > 1) params.set(PAGE_PARAM, String(number));
    return "?" + params.toString();
  };

  ResultsPage.prototype.changed = function () {
    this.number = 1;
    history.replaceState(null, "", this.href(1));
    this.show(this.engine);
  };

  // A checkbox per code system of the search file.
  ResultsPage.prototype.systemFilter = function (engine) {
    const { element } = this.site;
    const boxes = engine.systems.map((system) => {
      const label = element("label", "nkpk-results__system");
      const input = element("input");
      input.type = "checkbox";
      input.name = SYSTEM_PARAM;
      input.value = system;
      input.checked = this.systems.includes(system);
      input.addEventListener("change", () => {
        this.systems = Array.from(this.systemBox.querySelectorAll("input:checked"), (i) => i.value);
        this.changed();
      });
      label.append(input, " " + (LABELS.systems[system] || system));
      return label;
    });
    this.systemBox.append(...boxes);
    this.systemBox.hidden = false;
  };

  ResultsPage.prototype.pageLinks = function (count) {
    const { element } = this.site;
    const last = Math.max(1, Math.ceil(count / PAGE_SIZE));
    this.pages.replaceChildren();
    this.pages.hidden = last === 1;
    if (last === 1) return;
    if (this.number > 1) {
      const previous = element("a", "nkpk-results__previous", L.previousPage);
      previous.href = this.href(this.number - 1);
      this.pages.append(previous);
    }
    this.pages.append(element("span", "nkpk-results__page", LABELS.fill(L.pageOf, { page: this.number, last })));
    if (this.number < last) {
      const next = element("a", "nkpk-results__next", L.nextPage);
      next.href = this.href(this.number + 1);
      this.pages.append(next);
    }
  };

  ResultsPage.prototype.suggest = function (engine) {
    const { element } = this.site;
    const found = engine.suggest(this.query);
    this.suggestions.replaceChildren();
    this.suggestions.hidden = !found.length;
    if (!found.length) return;
    this.suggestions.append(L.didYouMean);
    found.forEach((query, number) => {
      const link = element("a", null, query);
      link.href = this.href(1, query);
      this.suggestions.append(number ? ", " : "", link);
    });
    this.suggestions.append("?");
  };

  ResultsPage.prototype.show = function (engine) {
    const { element, hitLink, countText, missingText, markShown } = this.site;
    this.engine = engine;
    if (!this.query.trim()) {
      this.summary.textContent = L.emptyQuery;
      return;
    }
    const started = performance.now();
    const ranked = engine.search(this.query, { expired: !this.hide.checked, systems: this.systems });
    const last = Math.max(1, Math.ceil(ranked.length / PAGE_SIZE));
    this.number = Math.min(this.number, last);
    const first = (this.number - 1) * PAGE_SIZE;
    const items = ranked.slice(first, first + PAGE_SIZE).map((found) => {
      const item = element("li");
      item.append(hitLink(engine, found));
      return item;
    });
    this.list.replaceChildren(...items);
    this.list.start = first + 1;
    const missing = missingText(ranked);
    const range = ranked.length > PAGE_SIZE ? LABELS.fill(L.showing, { first: first + 1, last: first + items.length }) : "";
    this.summary.textContent = LABELS.fill(L.resultsFor, { hits: countText(ranked.length), query: this.query }) + range + (missing ? " · " + missing : "");
    this.pageLinks(ranked.length);
    if (ranked.length && !(ranked.missing || []).length) this.suggestions.hidden = true; else this.suggest(engine);
    markShown(this.query, ranked.length, started);
  };

  window.nkpkSearchResults = function (container) {
    const site = window.nkpkSearchSite;
    // The whole answer: the results page waits for the earlier and English texts (english.json) too.
    return site.load().then((engine) => site.later(engine).then(() => engine)).then((engine) => {
      const page = new ResultsPage(container, site);
      page.systemFilter(engine);
      page.show(engine);
      document.addEventListener("nkpk-search-english", () => page.show(engine));
      return page;
    });
  };
})();
