"""The PDF libraries that read files from outside are at versions with their security fixes."""

from importlib.metadata import version

from packaging.version import Version


def test_pypdf_and_pdfminer_carry_their_security_fixes():
    assert Version(version("pypdf")) >= Version("6.12")
    assert Version(version("pdfminer.six")) >= Version("20251230")  # the CMap-pickle fix
