// Inside Telegram: send the Mini App's signed initData (in the URL fragment) to sign in.
(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  var data = params.get("tgWebAppData");
  var status = document.getElementById("status");
  if (!data) { status.textContent = "Open this page from the bot's /dashboard button, or ask /dashboard for a sign-in link."; return; }
  var form = document.getElementById("signin");
  form.elements.init_data.value = data;
  // In Telegram Web the page is framed by another site and cannot keep a session cookie:
  // ask for a one-time link to open in a tab instead.
  if (window.top !== window.self) form.elements.mode.value = "link";
  form.submit();
})();
