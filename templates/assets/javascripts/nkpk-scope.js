// The page globals that the theme's scripts (Material for MkDocs) expect before
// they run, defined in a file rather than inline so that the Content Security
// Policy can forbid inline scripts. The theme keeps small settings in
// localStorage under keys that start with the site's path (the scope).
// This file is served from <site>/assets/javascripts/, so the site's root is
// two folders up from its own address, at any base path.
(function () {
  "use strict";
  var scope = new URL("../../", document.currentScript.src);

  function hash(text) {
    return Array.from(text).reduce(function (value, char) {
      return (value << 5) - value + char.charCodeAt(0);
    }, 0);
  }

  function get(key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  }

  function set(key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // storage full or forbidden: the setting is simply not kept
    }
  }

  window.__md_scope = scope;
  window.__md_hash = hash;
  window.__md_get = get;
  window.__md_set = set;
})();
