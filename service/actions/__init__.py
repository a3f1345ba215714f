"""What people do, as functions the pages and the command line share: asking for a document
(``producing``), recording a decision (``deciding``), uploading and confirming legacy forms
(``importing``), sharing with another agency (``sharing``), closing a referral or deleting a
draft (``closing``), and ending any other piece of work (``work.done``).

Who commits: a person's piece of work is committed once, here, together with its audit event,
and only then is what a worker must do next queued (by id: the worker must find the row). Views
call queries and actions and never touch the session. The other commits are a worker's own
steps (``service.db.jobs`` claims, a result stored, a failure marked: each must be seen at once
by other processes), the template versions' (``service.documents.versions``), and a user made
on the command line.
"""
