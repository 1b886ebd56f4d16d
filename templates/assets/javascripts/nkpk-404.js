// The page-not-found page: puts the last part of the address in the search box
// and, when the address looks like a code (/kode/jka21, /JKA21, /jka 21), links
// to that code's page once the site has answered that the page exists, and goes there.
// A code that does not exist gets the codes one letter away (checker-core.js's
// `nearby`, over the code list named by the page's data-nkpk-404-codes).
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
      if (!response.ok) {
        offerNearby(code);
        return;
      }
      link.href = target.href;
      link.textContent = code;
      hint.hidden = false;
      location.replace(target.href);
    }).catch(function () {
      // no answer (opened from disk, offline): no link
    });
  }

  function offerNearby(code) {
    var box = document.querySelector("[data-nkpk-404-nearby]");
    var list = document.querySelector("[data-nkpk-404-nearby-list]");
    var source = box && box.getAttribute("data-nkpk-404-codes");
    if (!source || !list || !window.nkpkChecker) return;
    fetch(source).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (file) {
      var near = file ? new window.nkpkChecker.Data(file).nearby(code, 5) : [];
      if (!near.length) return;
      near.forEach(function (other, index) {
        if (index) list.appendChild(document.createTextNode(index === near.length - 1 ? " eller " : ", "));
        var link = document.createElement("a");
        link.href = new URL("kode/" + encodeURIComponent(other) + "/", root).href;
        link.textContent = other;
        list.appendChild(link);
      });
      box.hidden = false;
    }).catch(function () {
      // no answer: no suggestions
    });
  }

  var parts = segments();
  var input = document.getElementById("nkpk-404-query");
  if (input && parts.length) input.value = parts[parts.length - 1];
  var code = codeOf(parts);
  if (code) offerCode(code);
})();
