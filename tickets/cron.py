"""RQ cron configuration (`manage.py rqcron tickets.cron`): every minute, queue the ticket pairs due."""

from rq import cron

from tickets.jobs import QUEUE, sync_due

cron.register(sync_due, QUEUE, interval=60)
