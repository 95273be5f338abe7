// Draw the scenario's Mermaid source (pre.mermaid) with the bundled mermaid.js, in the page's colours.
(function () {
  if (!window.mermaid) return;
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  window.mermaid.initialize({ startOnLoad: false, theme: dark ? "dark" : "neutral", securityLevel: "strict" });
  window.mermaid.run({ querySelector: "pre.mermaid" }).then(function () {
    // Desktop size, scrolled sideways on a phone, rather than shrunk to an unreadable width.
    document.querySelectorAll(".diagram svg").forEach(function (svg) {
      var natural = parseFloat(svg.style.maxWidth);
      if (natural) { svg.style.width = Math.min(natural, 860) + "px"; svg.style.maxWidth = "none"; }
    });
  }).catch(function () {
    var box = document.getElementById("diagram");
    if (box) box.insertAdjacentHTML("afterbegin", "<p class=\"muted\">The diagram could not be drawn; its source is below.</p>");
  });
})();
