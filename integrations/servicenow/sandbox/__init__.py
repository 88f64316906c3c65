"""A local ServiceNow instance: the product's trial target, the tests' target and the benchmarks' target.

It speaks ServiceNow's wire protocol (Table, Batch, Attachment, Identify and Reconcile APIs, OAuth,
rate limits) closely enough that ServiceNow's own client, PySNC, works against it unchanged.
"""
