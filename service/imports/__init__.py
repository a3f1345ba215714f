"""Legacy forms in: uploads and folders become import jobs (``unpack``, ``pipeline``), which a
Celery task parses (``service.jobs.tasks.parse_import``) and an admin reviews before they become
referrals (``service.views.imports``)."""
