"""Human handoff: tickets in Redis, the live relay, teams and opening hours, caseworker accounts
and the caseworker console (a Rasa input channel at /webhooks/caseworker/)."""
