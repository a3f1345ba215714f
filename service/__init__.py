"""Front Door's web service, by concern: ``app`` builds the Flask app; ``db`` holds the tables,
migrations and named queries; ``rules`` checks a record against its pathway; ``documents``
merges records into letters and plans; ``delivery`` gets them to people (links, sharing, mail);
``imports`` takes legacy forms in; ``jobs`` queues and runs the slow work; ``views`` and ``cli``
are the ways in. Importing this package loads none of them."""
