"""PEP 517 backend of the corroborate wheel: maturin, after building the CLI.

maturin packs one kind of artifact per wheel (the extension module); the wheel should also
carry the `corroborate` command-line tool, so that `pip install` puts it on PATH for users
without cargo (and for Spark executors). This wrapper builds that binary from the
repository's own crate with cargo, places it where `[tool.maturin] data` points (as
`scripts/corroborate`), and then lets maturin build the wheel as usual.

Config settings (`pip install ./python --config-settings KEY=VALUE`), or the environment:

- `profile` / CORROBORATE_PROFILE: cargo profile of the extension module (default `release`,
  whole-program LTO; `quick` builds in about half the time, for CI and development);
- `cli-profile` / CORROBORATE_CLI_PROFILE: cargo profile of the command-line tool (default
  `release`, as `cargo build --release` in the repository, which reuses that build).
"""

import json
import os
import shutil
import subprocess
import sys

import maturin
from maturin import (  # noqa: F401  (re-exported PEP 517 hooks)
    build_sdist,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
)

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(HERE, "target", "wheel-data", "scripts")
EXE = "corroborate.exe" if sys.platform == "win32" else "corroborate"


def _setting(config_settings, key, env, default):
    value = (config_settings or {}).get(key) or os.environ.get(env) or default
    return str(value)


def _cli_manifest(cargo):
    """Cargo.toml of the `corroborate` crate the bindings depend on (the repository's root)."""
    meta = subprocess.run(
        [cargo, "metadata", "--format-version", "1", "--manifest-path",
         os.path.join(HERE, "Cargo.toml")],
        check=True, stdout=subprocess.PIPE, cwd=HERE,
    )
    for package in json.loads(meta.stdout)["packages"]:
        if package["name"] == "corroborate" and package["source"] is None:
            return package["manifest_path"]
    sys.exit("corroborate_build: the corroborate crate is not a path dependency of python/Cargo.toml")


def _build_cli(profile):
    """Builds the command-line tool with cargo and stages it for the wheel; returns its path."""
    cargo = os.environ.get("CARGO", "cargo")
    manifest = _cli_manifest(cargo)
    print(f"corroborate_build: cargo build --profile {profile} --bin corroborate "
          f"({manifest})", flush=True)
    build = subprocess.run(
        [cargo, "build", "--profile", profile, "--bin", "corroborate", "--manifest-path",
         manifest, "--message-format", "json-render-diagnostics"],
        stdout=subprocess.PIPE, cwd=os.path.dirname(manifest),
    )
    if build.returncode != 0:
        sys.exit("corroborate_build: building the corroborate command-line tool failed")
    exe = None
    for line in build.stdout.decode("utf-8", "replace").splitlines():
        if not line.startswith("{"):
            continue
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") \
                and msg["target"]["name"] == "corroborate":
            exe = msg["executable"]
    if not exe:
        sys.exit("corroborate_build: cargo reported no corroborate executable")
    os.makedirs(SCRIPTS, exist_ok=True)
    staged = os.path.join(SCRIPTS, EXE)
    shutil.copy2(exe, staged)
    os.chmod(staged, 0o755)
    # The release profile keeps line tables for profiling (debug = 1); the wheel's copy does
    # without them: a quarter of the size (symbols stay, so panics still name their place).
    if sys.platform.startswith("linux") and shutil.which("strip"):
        subprocess.run(["strip", "--strip-debug", staged], check=False)
    return staged


def _maturin_settings(config_settings):
    """maturin's build arguments, with the extension's cargo profile."""
    settings = dict(config_settings or {})
    args = maturin.get_maturin_pep517_args(settings)
    if not any(a == "--profile" or a.startswith("--profile=") for a in args):
        args += ["--profile", _setting(config_settings, "profile", "CORROBORATE_PROFILE", "release")]
    settings["build-args"] = args
    settings.pop("maturin.build-args", None)
    return settings


def _with_cli(build, wheel_directory, config_settings, metadata_directory):
    staged = _build_cli(_setting(config_settings, "cli-profile", "CORROBORATE_CLI_PROFILE", "release"))
    try:
        return build(wheel_directory, _maturin_settings(config_settings), metadata_directory)
    finally:
        # A later plain `maturin build` must not pick up a stale binary.
        os.remove(staged)


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    os.makedirs(SCRIPTS, exist_ok=True)  # maturin checks that the data directory exists
    return maturin.prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    os.makedirs(SCRIPTS, exist_ok=True)
    return maturin.prepare_metadata_for_build_editable(metadata_directory, config_settings)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _with_cli(maturin.build_wheel, wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _with_cli(maturin.build_editable, wheel_directory, config_settings, metadata_directory)
