"""briefgen: news articles in, a searchable briefing site out."""

from briefgen.errors import BriefgenError, ConfigError, CorpusError, Problem, RenderError
from briefgen.model import Briefing, Settings, Site
from briefgen.pipeline import generate_site

__version__ = "0.1.0"

__all__ = [
    "BriefgenError",
    "Briefing",
    "ConfigError",
    "CorpusError",
    "Problem",
    "RenderError",
    "Settings",
    "Site",
    "__version__",
    "generate_site",
]
