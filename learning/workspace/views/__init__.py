"""Thin views of the trainer's workspace: scope to the user's cohorts, read the form, call a service.

Every cohort comes from `permissions.cohort_for`, and everything inside a cohort (an enrolment, a
reflection, a session) is looked up *within* that cohort: another cohort's id is a 404 and changes nothing.
One module per part of the workspace; urls.py names them.
"""
