import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenwerk.config.settings")
application = get_wsgi_application()

# Everything loaded at start-up lives as long as the process: keep it out of the garbage
# collector's full runs, which otherwise walk it all and add ~100 ms to an unlucky request
# (bench/, docs/performance.md).
gc.freeze()
