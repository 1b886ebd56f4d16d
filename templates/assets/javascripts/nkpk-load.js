// Loads every page's scripts after the page's first paint: on a slow
// phone connection the page's text shows as soon as its one stylesheet is in,
// without waiting for about 45 kB of scripts that only add behaviour (the
// search box, copy buttons, the theme's navigation). Without scripts, or before
// they run, every page still works: the search box sends its form to the
// results page, details elements open and close by themselves.
//
// The scripts come from data-nkpk-load on this script's element (main.html:
// the theme's page globals, the theme's script, mkdocs.yml's extra_javascript)
// and then from each data-nkpk-page-scripts in the page, space-separated, and
// run one after another in that order. The theme's script (data-nkpk-theme)
// starts its work on DOMContentLoaded, which has passed when it runs here: the
// event is sent again, to the document only, in a task of its own after that
// script ran (two shorter tasks block a phone's main thread less than one).
// When all have run, <html> gets data-nkpk-scripts="ready" (tests wait for it).
(() => {
  "use strict";
  const loader = document.currentScript;
  let started = false;

  const ready = () => document.documentElement.setAttribute("data-nkpk-scripts", "ready");

  const sources = () => {
    const lists = [loader.dataset.nkpkLoad || ""];
    document.querySelectorAll("[data-nkpk-page-scripts]").forEach((element) => lists.push(element.dataset.nkpkPageScripts));
    return lists.join(" ").split(/\s+/).filter(Boolean);
  };

  const start = () => {
    if (started) return;
    started = true;
    const theme = loader.dataset.nkpkTheme;
    const all = sources();
    let left = all.length;
    let waiting = 2; // the scripts, and the theme's start
    const finish = () => {
      waiting -= 1;
      if (waiting === 0) ready();
    };
    const dispatchLoaded = () => {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      finish();
    };
    const done = () => {
      left -= 1;
      if (left === 0) finish();
    };
    for (const source of all) {
      const script = document.createElement("script");
      script.src = source;
      script.async = false; // in order, one after another
      if (source === theme) {
        script.addEventListener("load", () => setTimeout(dispatchLoaded, 0)); // a task of its own
        script.addEventListener("error", finish);
      }
      script.addEventListener("load", done);
      script.addEventListener("error", done);
      document.body.append(script);
    }
    if (!all.includes(theme)) finish();
    if (!all.length) finish();
  };

  // After the first contentful paint (reported also when it came before this script: `buffered`); where paint
  // entries are not reported, after the next frame.
  if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => entry.name === "first-contentful-paint")) {
        observer.disconnect();
        start();
      }
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(start, 3000); // a page opened in the background paints only when shown
  } else {
    requestAnimationFrame(() => setTimeout(start, 0));
  }
})();
