import sys

from hamaynk_bench.run import main

sys.exit(main())
