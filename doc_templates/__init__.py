"""The document templates Front Door ships: docxtpl .docx files, editable in Word (README.md
beside them says what each uses; ``build.py`` writes them). Shipped as package data, so an
installed Front Door renders its documents wherever it runs from."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
