// The monthly report's Print button (templates/reports/monthly.html): the browser's own print dialog.
document.getElementById("print").addEventListener("click", function () { window.print(); });
