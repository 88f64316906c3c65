"""RQ cron configuration (`manage.py rqcron sync.cron`): checks hourly for `daily` connections due
(publishes, and the pulls of subscribing connections)."""

from rq import cron

from sync.jobs import publish_due, pulls_due

cron.register(publish_due, "publish", interval=3600)
cron.register(pulls_due, "publish", interval=3600)
