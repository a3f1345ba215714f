"""The database: its tables (``models``), their migrations (``migrations/``, Alembic) and the
named queries the rest of the service asks instead of touching the session itself (``audit``,
``referrals``, ``documents``, ``imports``, ``jobs``, ``users``). A query adds and changes rows;
the piece of work it is part of commits them (``service.actions`` says who commits where)."""
