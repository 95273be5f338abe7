"""DeskDrill: customer-service practice for police and sheriff's front desks."""

__version__ = "0.1.0"
