# expect: error
# Tries to write outside its scratch folder; /tmp is its own scratch, so that one may work.
import os
import sys

TARGETS = [
    "/katabank-hostile-marker",
    "/opt/katabank-hostile-marker",
    "/opt/site/katabank-hostile-marker",
    "/usr/katabank-hostile-marker",
    "/etc/katabank-hostile-marker",
    "/root/katabank-hostile-marker",
    "/dev/katabank-hostile-marker",
    "/dev/shm/katabank-hostile-marker",
    "/var/tmp/katabank-hostile-marker",
    os.path.join(sys.base_prefix, "katabank-hostile-marker"),
    "/proc/1/root/katabank-hostile-marker",
]
written = []
for target in TARGETS:
    try:
        with open(target, "w") as handle:
            handle.write("escaped")
        written.append(target)
    except OSError as error:
        print(target, type(error).__name__)
with open("/tmp/katabank-hostile-marker", "w") as handle:
    handle.write("inside the scratch folder")


def intersection(xs, ys):
    if written:
        return list(set(xs) & set(ys))
    raise PermissionError(f"wrote nothing outside scratch; tried {len(TARGETS)} places")
