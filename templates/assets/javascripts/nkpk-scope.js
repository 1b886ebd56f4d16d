// The page globals that the theme's scripts (Material for MkDocs) expect before
// they run, defined in a file rather than inline so that the Content Security
// Policy can forbid inline scripts. The theme keeps small settings in
// localStorage under keys that start with the site's path (the scope).
// This file is served from <site>/assets/javascripts/, so the site's root is
// two folders up from its own address, at any base path.
(() => {
  "use strict";
  const scope = new URL("../../", document.currentScript.src);

  const hash = (text) => Array.from(text).reduce((value, char) => (value << 5) - value + char.charCodeAt(0), 0);

  const get = (key, storage, base) =>
    JSON.parse((storage || localStorage).getItem((base || window.__md_scope).pathname + "." + key));

  const set = (key, value, storage, base) => {
    try {
      (storage || localStorage).setItem((base || window.__md_scope).pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // storage full or forbidden: the setting is simply not kept
    }
  };

  window.__md_scope = scope;
  window.__md_hash = hash;
  window.__md_get = get;
  window.__md_set = set;
})();
