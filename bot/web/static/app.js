// Inside Telegram: show whose account the Mini App's signed initData (in the URL fragment) is, and send
// it when the person presses "Sign in". Never by itself: a link carrying someone else's initData in its
// fragment would otherwise sign this browser in as them.
(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  var data = params.get("tgWebAppData");
  var status = document.getElementById("status");
  if (!data) { status.textContent = "Open this page from the bot's /dashboard button, or ask /dashboard for a sign-in link."; return; }
  var user = null;
  try { user = JSON.parse(new URLSearchParams(data).get("user")); } catch (e) { user = null; }
  if (!user || typeof user.first_name !== "string") { status.textContent = "This sign-in from Telegram can't be read. Close and open the dashboard again."; return; }
  var form = document.getElementById("signin");
  form.elements.init_data.value = data;
  // In Telegram Web the page is framed by another site and cannot keep a session cookie:
  // ask for a one-time link to open in a tab instead.
  if (window.top !== window.self) form.elements.mode.value = "link";
  var name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  document.getElementById("who").textContent = "Sign in as " + name + (user.username ? " (@" + user.username + ")" : "");
  status.textContent = "Check this is you.";
  form.hidden = false;
})();
