"""The plan after issue day: progress records and where each task stands, year by year.

:mod:`lsdocs.progress.records` holds what agencies report; :mod:`lsdocs.progress.year_status`
computes, from the plan and those records, every figure the annual reports,
``lsdocs status`` and the reminder letters use.
"""
