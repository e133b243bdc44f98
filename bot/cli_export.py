"""`actionbot export xlsx|csv|ics`: placeholder replaced below."""
