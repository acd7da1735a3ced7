import os
import tempfile
from pathlib import Path

from hypothesis.configuration import set_hypothesis_home_dir

# Hypothesis caches the constants of local modules (and its example database) in .hypothesis/
# under the working directory, i.e. in the repository, and does so while collecting tests,
# before any fixture runs. The project runs pytest with ``-p no:cacheprovider`` so tests leave
# no cache behind: point Hypothesis at the temp directory instead, unless the environment
# already chose a place.
if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "hamaynk-hypothesis")
