"""Unit tests of the aggregate stage."""
