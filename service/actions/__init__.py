"""What people do, as functions the pages and the command line share (ask for a document,
record a decision, confirm an import…).

The rule for the database: the queries in ``service.db`` add and change rows but never commit.
A piece of work ends with ``work.done``, which commits it together with its audit event, or with an
action here that does so and then queues what a worker must do next (by id, after the commit,
so that the worker finds the row). Views call queries and actions and never touch the session.
"""
