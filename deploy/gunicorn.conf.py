"""Gunicorn settings for one app host behind nginx (docs/deploy.md).

    gunicorn --config deploy/gunicorn.conf.py 'learn:create_app()'

The app's own settings come from the environment (deploy/rianthai.env.example); these are the
server's. RIANTHAI_BIND and WEB_CONCURRENCY let two instances share one machine, as in the
rehearsal the doc describes.
"""

import multiprocessing
import os

# The address nginx's upstream block names; never reachable from the internet.
bind = os.environ.get("RIANTHAI_BIND", "127.0.0.1:8000")

# Sync workers: nginx buffers slow phones' requests and responses, so a worker is only busy
# while the app works. Rendering textbooks happens in processes of its own, not in workers.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))

# A worker silent this long is killed and replaced: no page takes more than a few seconds,
# and nginx gives up at the same point (proxy_read_timeout 30s).
timeout = 30
# On SIGTERM or a reload, requests in progress get this long to finish.
graceful_timeout = 30

# Logs go to stdout/stderr: journald (or the container runtime) keeps them. nginx's access log
# has the client's address; this one has the request as the app host saw it.
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(M)sms'

# Two gunicorns under one user would otherwise share $HOME/.gunicorn/gunicorn.ctl;
# systemd (or the process's own signals) controls each instance instead.
control_socket_disable = True
