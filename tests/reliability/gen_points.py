#!/usr/bin/python3
"""Writes N seeded pseudo-random deposits over Inner Mongolia as CSV (the columns of the
benchmark's points_N.csv): the same file for the same N on every machine, from the standard
library alone, so the reliability tests need nothing outside the repository.
Usage: gen_points.py OUT.csv [N]   (N defaults to 1,000,000; an existing OUT is kept)"""
import os
import random
import sys

COMMODITIES = ["REE", "Fe", "Nb", "Th", "coal", "U", "Cu", "Au", "PbZn", "Sn", "fluorite", "Mo"]
SYLLABLES = ["bayan", "obo", "xi", "lin", "hot", "hao", "te", "chi", "feng", "ul"]


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    if os.path.exists(out):
        return
    rng = random.Random(count)
    with open(out + ".part", "w") as f:
        f.write("id,name,commodity,tonnage,lon,lat\n")
        for i in range(1, count + 1):
            commodity = rng.choice(COMMODITIES)
            name = rng.choice(SYLLABLES).capitalize() + rng.choice(SYLLABLES)
            f.write(f"{i},{name} {commodity} deposit {i},{commodity},{rng.lognormvariate(13, 2):.1f},"
                    f"{rng.uniform(97.2, 126.0):.6f},{rng.uniform(37.4, 53.3):.6f}\n")
    # Whole or not at all: a test interrupted while generating must not leave half a file.
    os.replace(out + ".part", out)


if __name__ == "__main__":
    main()
