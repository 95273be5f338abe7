"""The web dashboard for instructors and admins: an edge, like bot.tg, over the same core.

Sign-in (one-time links, Telegram Mini App initData, sessions) is in `auth`, the pages in
`pages`, the ASGI app in `app`, serving (alone or beside the bot) in `serve`.
"""
