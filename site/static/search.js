/* briefing-gen search: matches the words typed against window.BRIEFING_SEARCH
   (written at build time as search-index.js) and lists links to the exact page
   and paragraph. No network request, so it works from file:// as well. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var entries = window.BRIEFING_SEARCH;
  if (!form || !input || !list || !Array.isArray(entries)) return;
  var root = form.getAttribute("data-root") || "";
  var LIMIT = 50;
  var KINDS = {quote: "Quote", takeaway: "Takeaway", person: "Person", source: "Source", paragraph: "Source paragraph"};

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  var folded = entries.map(function (entry) {
    return {title: fold(entry.title), text: fold(entry.text)};
  });

  function score(index, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = folded[index].title.indexOf(words[i]) !== -1;
      if (!inTitle && folded[index].text.indexOf(words[i]) === -1) return 0;
      total += inTitle ? 3 : 1;
    }
    return total;
  }

  function excerpt(text, word) {
    var at = fold(text).indexOf(word);
    var start = Math.max(0, at - 60);
    var space = text.indexOf(" ", start);
    if (start > 0 && space !== -1 && space < at) start = space + 1;  // begin on a whole word
    var piece = text.slice(start, start + 200);
    return (start > 0 ? "\u2026" : "") + piece + (start + 200 < text.length ? "\u2026" : "");
  }

  function link(url, label) {
    var anchor = document.createElement("a");
    anchor.href = root + url;
    anchor.textContent = label;
    return anchor;
  }

  function show(query) {
    list.textContent = "";
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = "Type a word to search."; return; }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var points = score(i, words);
      if (points) hits.push([points, i]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    status.textContent = hits.length ? hits.length + " result" + (hits.length === 1 ? "" : "s") +
      (hits.length > LIMIT ? ", showing the first " + LIMIT : "") : "No results for \u201c" + query + "\u201d.";
    hits.slice(0, LIMIT).forEach(function (hit) {
      var entry = entries[hit[1]];
      var item = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = (KINDS[entry.kind] || entry.kind) + ": ";
      item.appendChild(kind);
      item.appendChild(link(entry.url, entry.title));
      var text = document.createElement("p");
      text.textContent = excerpt(entry.text, words[0]);
      item.appendChild(text);
      if (entry.source) {
        var more = document.createElement("p");
        more.className = "meta";
        more.appendChild(link(entry.source, "Source paragraph"));
        item.appendChild(more);
      }
      list.appendChild(item);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (error) { /* file:// may refuse */ }
  });
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); } else { status.textContent = "Type a word to search."; }
})();
