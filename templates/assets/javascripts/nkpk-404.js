// The page-not-found page: puts the last part of the address in the search box
// and, when the address looks like a code (/kode/jka21, /JKA21, /jka 21), goes to
// that code's page once the site has answered that the page exists. A code that
// does not exist gets the codes one letter away (checker-core.js's `nearby`, over
// the code list named by data-nkpk-404-codes).
// Every address comes from the page: data-nkpk-root (the site's root path),
// data-nkpk-code-url (a code page's address from the root, with {code}) and
// data-nkpk-404-codes (the code list).
(() => {
  "use strict";
  const hint = document.querySelector("[data-nkpk-404-code]");
  const link = document.querySelector("[data-nkpk-404-link]");
  if (!hint || !link) return;
  const root = new URL(hint.dataset.nkpkRoot, location.href);
  const codeUrl = hint.dataset.nkpkCodeUrl;
  const CODE = /^[A-Za-z0-9]{3,8}$/;
  const HAS_LETTER = /[A-Za-z]/;
  const HAS_DIGIT = /[0-9]/;

  const decoded = (part) => {
    try {
      return decodeURIComponent(part).trim();
    } catch (error) {
      return part;
    }
  };

  const segments = () => {
    let path = location.pathname;
    if (path.startsWith(root.pathname)) path = path.slice(root.pathname.length);
    return path.split("/").map(decoded).filter((part) => part && !/^index\.html?$/i.test(part));
  };

  const codeOf = (parts) => {
    const candidate = parts.length ? parts[parts.length - 1].replace(/\s+/g, "").replace(/\.(html?|json)$/i, "") : "";
    if (!CODE.test(candidate) || !HAS_LETTER.test(candidate) || !HAS_DIGIT.test(candidate)) return null;
    return candidate.toUpperCase();
  };

  const pageOf = (code) => new URL(codeUrl.replace("{code}", encodeURIComponent(code)), root);

  const offerNearby = async (code) => {
    const box = document.querySelector("[data-nkpk-404-nearby]");
    const list = document.querySelector("[data-nkpk-404-nearby-list]");
    const source = box && box.getAttribute("data-nkpk-404-codes");
    if (!source || !list || !window.nkpkChecker) return;
    try {
      const response = await fetch(new URL(source, location.href).href);
      const file = response.ok ? await response.json() : null;
      const near = file ? new window.nkpkChecker.Data(file).nearby(code, 5) : [];
      if (!near.length) return;
      near.forEach((other, index) => {
        if (index) list.appendChild(document.createTextNode(index === near.length - 1 ? " eller " : ", "));
        const item = document.createElement("a");
        item.href = pageOf(other).href;
        item.textContent = other;
        list.appendChild(item);
      });
      box.hidden = false;
    } catch (error) {
      // no answer: no suggestions
    }
  };

  const offerCode = async (code) => {
    const target = pageOf(code);
    try {
      const response = await fetch(target.href, { method: "HEAD" });
      if (!response.ok) {
        offerNearby(code);
        return;
      }
      link.href = target.href;
      link.textContent = code;
      hint.hidden = false;
      location.replace(target.href);
    } catch (error) {
      // no answer (opened from disk, offline): no link
    }
  };

  const parts = segments();
  const input = document.getElementById("nkpk-404-query");
  if (input && parts.length) input.value = parts[parts.length - 1];
  const code = codeOf(parts);
  if (code) offerCode(code);
})();
