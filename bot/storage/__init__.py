"""SQLite storage: users, attempts, results, handled updates, the inbox and the outbox."""
