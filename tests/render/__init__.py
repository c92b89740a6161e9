"""Unit tests of the render stage."""
