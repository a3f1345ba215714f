"""The slow work, done by workers: the queues and task names and queueing by name (``queues``),
Celery bound to the app (``celery_app``), the tasks themselves (``tasks``: thin, ids only) and
the sweeper that re-queues work a lost worker left behind."""
