"""Indicator tables read by meaning: labels → scopes × indicators × roles, and each
read's self-consistency (the misread guard)."""
