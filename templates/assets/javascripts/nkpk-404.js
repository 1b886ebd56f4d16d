// The page-not-found page: puts the last part of the address in the search box
// and, when the address looks like a code (/kode/jka21, /JKA21, /jka 21), links
// to that code's page once the site has answered that the page exists.
// The site's root is two folders up from this file, at any base path.
(function () {
  "use strict";
  var root = new URL("../../", document.currentScript.src);
  var CODE = /^[A-Za-z0-9]{3,8}$/;
  var HAS_LETTER = /[A-Za-z]/;
  var HAS_DIGIT = /[0-9]/;

  function segments() {
    var path = location.pathname;
    if (path.indexOf(root.pathname) === 0) path = path.slice(root.pathname.length);
    return path.split("/").map(function (part) {
      try {
        return decodeURIComponent(part).trim();
      } catch (error) {
        return part;
      }
    }).filter(function (part) {
      return part && !/^index\.html?$/i.test(part);
    });
  }

  function codeOf(parts) {
    var candidate = parts.length ? parts[parts.length - 1].replace(/\s+/g, "").replace(/\.(html?|json)$/i, "") : "";
    if (!CODE.test(candidate) || !HAS_LETTER.test(candidate) || !HAS_DIGIT.test(candidate)) return null;
    return candidate.toUpperCase();
  }

  function offerCode(code) {
    var hint = document.querySelector("[data-nkpk-404-code]");
    var link = document.querySelector("[data-nkpk-404-link]");
    if (!hint || !link) return;
    var target = new URL("kode/" + encodeURIComponent(code) + "/", root);
    fetch(target.href, { method: "HEAD" }).then(function (response) {
      if (!response.ok) return;
      link.href = target.href;
      link.textContent = code;
      hint.hidden = false;
    }).catch(function () {
      // no answer (opened from disk, offline): no link
    });
  }

  var parts = segments();
  var input = document.getElementById("nkpk-404-query");
  if (input && parts.length) input.value = parts[parts.length - 1];
  var code = codeOf(parts);
  if (code) offerCode(code);
})();
