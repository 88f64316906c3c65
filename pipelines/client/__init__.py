"""`pb-change`, the pipelines' client: one standard-library file the product serves for download (see
`pipelines.api.views.ClientScriptView`), so a pipeline needs nothing but Python and a token."""

from pathlib import Path

SCRIPT = Path(__file__).with_name("pb_change.py")
DOWNLOAD_NAME = "pb-change.py"
