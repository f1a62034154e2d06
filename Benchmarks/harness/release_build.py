"""The release build that users install (README), for every benchmark that builds chaff.

Linux: the Swift runtime, Foundation and the C library linked in (`-static-executable`), so
that a run starts without the dynamic loader, and concrete generic metadata reached through
accessors rather than demangled at first use (README); in its own build folder, because
switching these flags in .build recompiles everything.
"""

import pathlib
import subprocess

FLAGS = ["-c", "release", "--static-swift-stdlib", "-Xswiftc", "-static-executable",
         "-Xswiftc", "-Xfrontend", "-Xswiftc", "-disable-concrete-type-metadata-mangled-name-accessors"]


def command(root: pathlib.Path) -> list:
    """`swift build` with the README's install flags, into ROOT/.build-static."""
    return ["swift", "build", *FLAGS, "--scratch-path", str(root / ".build-static")]


def binary(root: pathlib.Path, given, skip_build: bool, log) -> pathlib.Path:
    """The chaff to measure: GIVEN when set, else the release build (built first unless
    SKIP_BUILD)."""
    if given:
        return pathlib.Path(given).resolve()
    build = command(root)
    if not skip_build:
        log("building chaff in release mode, statically linked")
        subprocess.run(build, cwd=root, check=True)
    bin_path = subprocess.run(build + ["--show-bin-path"], cwd=root, check=True,
                              capture_output=True, text=True).stdout.strip()
    chaff = pathlib.Path(bin_path) / "chaff"
    if not chaff.exists():
        raise SystemExit(f"no release binary at {chaff}; run without --skip-build")
    return chaff
