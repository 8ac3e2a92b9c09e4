"""`python -m pipeline`: the `publish` command, for where its script is not on PATH (a virtual
environment not activated, a CI step, `pipx run`). Before, 'No module named pipeline.__main__'.

The guard matters: a worker process started with multiprocessing's "spawn" runs this module
again as `__mp_main__`, and must not start a second command there.
"""

from pipeline.entry import main

if __name__ == "__main__":
    main()
