"""Getting documents to people: a referrer's link to their outcome letter (``links``), a share
with another agency where the record allows it (``sharing``), and the mail that carries both."""
