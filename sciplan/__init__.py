"""sciplan: machine-checkable tracking of a public action plan's targets."""

__version__ = "0.1.0"
