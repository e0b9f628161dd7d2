"""Exceptions that newsfacts raises on purpose."""


class NewsfactsError(Exception):
    """Base class."""


class ConfigError(NewsfactsError):
    """A configuration is invalid: unknown key, bad value, unmet requirement."""


class InputError(NewsfactsError):
    """An input record cannot be turned into a document."""
