// Draw the scenario's Mermaid source (pre.mermaid) with the bundled mermaid.js, in the page's colours.
(function () {
  if (!window.mermaid) return;
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  window.mermaid.initialize({
    startOnLoad: false, theme: dark ? "dark" : "neutral", securityLevel: "strict",
    themeVariables: { fontSize: "16px" }, state: { useMaxWidth: false }
  });
  window.mermaid.run({ querySelector: "pre.mermaid" }).then(function () {
    // Natural size, scrolled sideways when wider than the page, rather than shrunk to an unreadable width.
    document.querySelectorAll(".diagram svg").forEach(function (svg) {
      var natural = parseFloat(svg.style.maxWidth || svg.getAttribute("width"));
      if (natural) { svg.style.width = natural + "px"; svg.style.maxWidth = "none"; }
    });
  }).catch(function () {
    var box = document.getElementById("diagram");
    if (box) box.insertAdjacentHTML("afterbegin", "<p class=\"muted\">The diagram could not be drawn; its source is below.</p>");
  });
})();
