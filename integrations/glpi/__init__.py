"""GLPI: the platform's local sandbox (and, later, its client and platform adapter)."""
