"""Actors: the registry, variant-aware name matching, and resolution of mentions to actors."""
