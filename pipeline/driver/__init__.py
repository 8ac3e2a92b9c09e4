"""The build driver: the one place that knows about workers.

`sources` finds and reads titles, `settings` is one build's options as data, `title` builds
one title wherever it runs, `local` runs titles here (in this process or a process pool),
`cluster` on Dask, `outputs` writes to folders or fsspec URLs, `styles` lays a project's
own styles over the shipped ones. `pipeline.api` is the entry point callers use.
"""
