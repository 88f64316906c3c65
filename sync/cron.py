"""RQ cron configuration (`manage.py rqcron sync.cron`): checks hourly for `daily` connections due."""

from rq import cron

from sync.jobs import publish_due

cron.register(publish_due, "publish", interval=3600)
