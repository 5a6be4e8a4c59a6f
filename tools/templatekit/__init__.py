"""Write lsdocs' .docx templates from code (a developer tool, not part of the package).

The templates in ``templates/`` are ordinary Word files that clerks may open
and edit.  This kit writes them from scratch — no theme, no theme fonts, every
style in Times New Roman and black — so their formatting is exactly what
Nghị định 30/2020/NĐ-CP asks for, and Jinja tags always sit in a single run.
"""
