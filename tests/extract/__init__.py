"""Unit tests of the extract stage."""
