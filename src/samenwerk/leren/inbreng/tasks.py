"""The task worker's jobs for the learning staircase's case contributions (django-tasks, the
database backend of settings.TASKS; run by `manage.py db_worker`). deduce is loaded here
once per worker process (deidentificatie.model), never in a request."""

from __future__ import annotations

from django_tasks import task


@task()
def deidentificeer_inbreng(inbreng_id: int) -> None:
    from . import services

    services.verwerk(inbreng_id)
