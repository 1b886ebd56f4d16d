/*
 * NKPK search on every page: the box in the header, the results page
 * (sok/?q=...) and window.nkpkSearch(query, {limit, expired}).
 *
 * Nothing is fetched until the pointer is over the box, the box gets focus,
 * the results page opens or the API is called; then lunr, its Norwegian
 * support, the engine (search-engine.js) and the search file load in
 * parallel.
 */
(function () {
  "use strict";

  var SCRIPTS = [
    "assets/search/lunr.js",
    "assets/search/lunr.stemmer.support.js",
    "assets/search/lunr.no.js",
    "assets/search-engine.js",
  ];
  var INDEX = "assets/search/index.json";
  var PAGE = "sok/";
  var BOX_LIMIT = 8;
  var PAGE_LIMIT = 200;
  var API_LIMIT = 10;
  var HIDE_PARAM = "skjul";
  var HIDE_VALUE = "utgatte";
  var SHOWN_MARK = "nkpk-search-shown";
  var WARM_BUDGET = 40;

  var script = document.currentScript;
  // The site's root, absolute: this file is assets/search.js.
  var rootUrl = new URL("../", script ? script.src : location.href).href;
  var loading = null;

  function addScript(path) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = rootUrl + path;
      element.async = false; // download in parallel, run in order
      element.onload = resolve;
      element.onerror = function () { reject(new Error("could not load " + path)); };
      document.head.appendChild(element);
    });
  }

  function fetchIndex() {
    return fetch(rootUrl + INDEX).then(function (response) {
      if (!response.ok) throw new Error("search file: HTTP " + response.status);
      return response.json();
    });
  }

  // The engine's warm-up queries, once the first results are shown and the
  // browser is idle: at most WARM_BUDGET ms in one go, which ends before a
  // fast typist's next key (spread over later idle periods, they met it).
  function warmUp(engine) {
    var idle = window.requestIdleCallback || function (task) { return setTimeout(task, 50); };
    idle(function () {
      var started = performance.now();
      var queries = engine.warmQueries();
      while (queries.length && performance.now() - started < WARM_BUDGET) engine.search(queries.shift());
    });
  }

  // The engine, loaded once; a failed load is tried again on the next call.
  function load() {
    if (!loading) {
      loading = Promise.all([fetchIndex(), Promise.all(SCRIPTS.map(addScript))]).then(function (parts) {
        var engine = window.nkpkSearchEngine.create(window.lunr, parts[0]);
        warmUp(engine);
        return engine;
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  window.nkpkSearch = function (query, options) {
    var limit = options && options.limit != null ? options.limit : API_LIMIT;
    return load().then(function (engine) {
      return engine.search(String(query), options).slice(0, limit).map(function (doc) {
        var hit = engine.hit(doc);
        return { code: hit.code, text: hit.text, system: hit.system, active: hit.active, url: rootUrl + hit.path };
      });
    });
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // One hit as a link: code, text, code system and a mark on expired codes.
  function hitLink(hit, root) {
    var link = element("a", "nkpk-hit" + (hit.active ? "" : " nkpk-hit--expired"));
    link.href = root + hit.path;
    link.appendChild(element("span", "nkpk-hit__code", hit.code));
    link.appendChild(element("span", "nkpk-hit__text", hit.text));
    var meta = element("span", "nkpk-hit__meta", hit.system);
    if (!hit.active) meta.appendChild(element("span", "nkpk-hit__expired", "utgått"));
    link.appendChild(meta);
    return link;
  }

  // `1 234 treff`; toLocaleString would load the locale's data on first use (20 ms).
  function countText(count) {
    if (count === 0) return "Ingen treff";
    return String(count).replace(/\B(?=(\d{3})+$)/g, "\u00a0") + " treff";
  }

  function queryString(query, hide) {
    var text = "?q=" + encodeURIComponent(query);
    return hide ? text + "&" + HIDE_PARAM + "=" + HIDE_VALUE : text;
  }

  function pageHref(root, query, hide) {
    return root + PAGE + queryString(query, hide);
  }

  // For measurements: hits for `query` are in the page; `spent` ms went into
  // searching and building the list.
  function markShown(query, count, started) {
    var detail = { query: query, count: count, spent: performance.now() - started };
    if (performance.mark) performance.mark(SHOWN_MARK, { detail: detail });
  }

  function isEditable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // The box in the header: results as you type, arrow keys and Enter.
  function SearchBox(form) {
    this.form = form;
    this.root = form.getAttribute("data-nkpk-root");
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
    var box = this;
    // Start loading as soon as the box is likely to be used: hover or focus.
    box.input.addEventListener("pointerenter", function () { load(); });
    box.input.addEventListener("focus", function () { load(); });
    box.input.addEventListener("input", function () { box.update(); });
    box.input.addEventListener("keydown", function (event) { box.key(event); });
    box.hide.addEventListener("change", function () { box.update(); box.input.focus(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) {
        event.preventDefault();
        box.input.focus();
        box.input.select();
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.form.contains(event.target)) box.close();
    });
  };

  SearchBox.prototype.update = function () {
    var box = this;
    var query = box.input.value;
    if (!query.trim()) { box.close(); return; }
    load().then(function (engine) {
      if (box.input.value === query) box.render(engine, query);
    }, function () {
      box.message("Søket kunne ikke lastes. Prøv igjen senere.");
    });
  };

  SearchBox.prototype.render = function (engine, query) {
    var started = performance.now();
    var ranked = engine.search(query, { expired: !this.hide.checked });
    this.hits = ranked.slice(0, BOX_LIMIT).map(engine.hit, engine);
    this.selected = -1;
    // The links are the listbox's options (a link inside an option would
    // nest one control in another); the list items only hold them.
    var items = this.hits.map(function (hit, number) {
      var item = element("li");
      item.setAttribute("role", "none");
      var link = hitLink(hit, this.root);
      link.id = "nkpk-hit-" + number;
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.tabIndex = -1;
      item.appendChild(link);
      return item;
    }, this);
    this.list.replaceChildren.apply(this.list, items);
    this.status.textContent = countText(ranked.length);
    this.all.href = pageHref(this.root, query, this.hide.checked);
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
    var option = this.option(number);
    option.setAttribute("aria-selected", "true");
    option.scrollIntoView({ block: "nearest" });
    this.input.setAttribute("aria-activedescendant", option.id);
  };

  SearchBox.prototype.key = function (event) {
    var count = this.hits.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (this.panel.hidden) { this.update(); return; }
      event.preventDefault();
      if (!count) return;
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = this.selected + step;
      this.select(next < -1 ? count - 1 : next >= count ? -1 : next);
    } else if (event.key === "Enter" && this.selected >= 0 && !this.panel.hidden) {
      event.preventDefault();
      location.href = this.option(this.selected).href;
    } else if (event.key === "Escape") {
      if (this.panel.hidden) this.input.blur(); else this.close();
    }
  };

  // The results page: every hit for ?q=, expired codes hidden with ?skjul=utgatte.
  function ResultsPage(container, box) {
    var params = new URLSearchParams(location.search);
    this.container = container;
    this.root = box.root;
    this.query = params.get("q") || "";
    this.hide = container.querySelector("input[name=" + HIDE_PARAM + "]");
    this.hide.checked = params.get(HIDE_PARAM) === HIDE_VALUE;
    this.summary = container.querySelector("[data-nkpk-summary]");
    this.list = container.querySelector("[data-nkpk-list]");
    box.input.value = this.query;
    box.hide.checked = this.hide.checked;
    var page = this;
    this.hide.addEventListener("change", function () {
      box.hide.checked = page.hide.checked;
      history.replaceState(null, "", queryString(page.query, page.hide.checked));
      page.show();
    });
    this.show();
  }

  ResultsPage.prototype.show = function () {
    var page = this;
    if (!page.query.trim()) {
      page.summary.textContent = "Skriv en kode eller et ord i søkefeltet øverst på siden.";
      return;
    }
    page.summary.textContent = "Søker …";
    load().then(function (engine) {
      var started = performance.now();
      var ranked = engine.search(page.query, { expired: !page.hide.checked });
      var items = ranked.slice(0, PAGE_LIMIT).map(function (doc) {
        var item = element("li");
        item.appendChild(hitLink(engine.hit(doc), page.root));
        return item;
      });
      page.list.replaceChildren.apply(page.list, items);
      var shown = ranked.length > PAGE_LIMIT ? " (viser de " + PAGE_LIMIT + " første)" : "";
      page.summary.textContent = countText(ranked.length) + " for «" + page.query + "»" + shown;
      markShown(page.query, ranked.length, started);
    }, function () {
      page.summary.textContent = "Søket kunne ikke lastes. Prøv igjen senere.";
    });
  };

  var form = document.querySelector("form[data-nkpk-search]");
  if (form) {
    var box = new SearchBox(form);
    var results = document.querySelector("[data-nkpk-results]");
    if (results) new ResultsPage(results, box);
  }
})();
