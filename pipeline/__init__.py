"""Turn Dutch municipal session reports into normalised, traceable data.

Stages, one module each, data flowing one way:
``ingest`` (files -> Document) -> ``segment`` (blocks -> sections) -> ``extract``
(recognizers + spaCy NER) -> ``normalise`` (CBS register, E.164, ...) -> ``export``.
"""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"
