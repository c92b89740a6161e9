"""Render: briefings in, Markdown pages and the JSON export out (in memory)."""

from briefgen.render.env import build_env, md_block, md_inline
from briefgen.render.pages import render_site

__all__ = ["build_env", "md_block", "md_inline", "render_site"]
