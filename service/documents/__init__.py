"""Records merged into documents: which documents there are (``registry``), what a template sees
(``context``), the sandboxed, compiled merge and the PDF made from it (``render``, ``compiled``,
``pdf``), and the templates councils upload: checked (``checks``, ``parts``) and kept as
versions (``versions``)."""
