"""The web dashboard for instructors and admins: an edge, like bot.tg, over the same core.

The ASGI app is in `app`; who is asking (one middleware) and the refusals a page may raise in
`access`; sign-in links and sessions in `auth`; the pages, one module per family, in `pages`,
rendered from the Jinja2 templates in `templates/` by `templating`; serving (alone or beside the
bot) in `serve`.
"""
