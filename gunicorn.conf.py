"""The gunicorn settings the site's security relies on. gunicorn reads this file from
its working directory; docs/deploy.md's unit also names it with --config.

Whether a request came over HTTPS is decided in one place, settings.py's
TRUST_X_FORWARDED_PROTO. Left to its defaults, gunicorn decides it too: a request from
127.0.0.1, ::1 or a Unix socket that carries X-Forwarded-Proto: https (or X-Forwarded-Ssl:
on, or X-Forwarded-Protocol: ssl) is marked https before Django sees it, whatever that
setting says, and a proxy that passes those headers on from the client lets the client
choose.
"""

import os

# gunicorn never marks a request https itself; Django reads X-Forwarded-Proto when told.
secure_scheme_headers = {}
# The peers (comma-separated addresses or networks) whose forwarding headers gunicorn
# believes: none, unless the environment names them.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")
