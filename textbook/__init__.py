"""The course textbook: a course and a learner language -> HTML -> PDF (WeasyPrint).

Plain Python: never imports Flask or the web app. WeasyPrint is imported only when a textbook
is laid out, so importing this package stays cheap for the web process.
"""
