"""The trainer's workspace: run cohorts from the site itself, from the first request to the last export."""
