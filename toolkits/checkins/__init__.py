"""Mentor check-ins on a final plan: when they are due, what the mentee team reports at each (every
action's status and every indicator's value), the mentor's comments, and progress over time.

The models are toolkits.models.checkins; this package holds their services, selectors, forms, views and
the admin's overdue report, kept apart from the plan's own modules, which are long enough already.
"""
