"""Named queries: views and tasks call these instead of touching the session directly."""
