"""What the Rasa channels (`connectors/`) and the knowledge base (`knowledge_base/`) share, and the
only code that crosses between them: passwords, redaction, the Redis connection, the clock, the
Redis key names both write or read, the service catalogue's reader, and the request helpers both
services' endpoints use (JSON bodies, proxies, the login throttle, the spelling normaliser).

It runs in both environments (Python 3.10 with Rasa's pins, Python 3.11 for the service) and is
copied whole into every image. Import its modules directly (`from common.redaction import redact`):
this file re-exports nothing, so the action server's image, which lacks argon2 and redis, can
import `common.spelling` alone.
"""
