#!/usr/bin/env bash
# Runs every test: the crate's (`cargo test --locked`) and the parser
# crate's (`cargo test --locked -p frontline-parse`), then the Python
# package's. Builds the wheel with maturin into target/wheels, installs it
# into a virtual environment at target/pyenv (created, and given
# python/requirements-test.txt, on the first run or when that file changes;
# later runs only rebuild what changed), and runs pytest over python/tests.
#
#   tools/test.sh              # everything
#   tools/test.sh --python     # the Python tests only
#   tools/test.sh -- -k spark  # arguments after -- go to pytest
#
# Needs python3 with venv (Debian: python3-venv), and java for the Spark
# test (which skips without it).
set -euo pipefail
cd "$(dirname "$0")/.."

run_cargo=1
pytest_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --python) run_cargo=0 ;;
        --) shift; pytest_args=("$@"); break ;;
        *) echo "tools/test.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

if [ "$run_cargo" = 1 ]; then
    cargo test --locked
    # The tagger and parser crate of the workspace (parse/).
    cargo test --locked -p frontline-parse
fi

venv=target/pyenv
requirements=python/requirements-test.txt
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "tools/test.sh: setting up $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements"
    echo "$want" > "$stamp"
fi

# The wheel: one abi3 wheel for every CPython >= 3.9.
rm -f target/wheels/frontline-*.whl
"$venv/bin/maturin" build --quiet --release --locked -m python/Cargo.toml \
    -i "$venv/bin/python" -o target/wheels
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps \
    target/wheels/frontline-*.whl

# The CLI the Python results are compared with: the one `cargo test` just
# built, unless one is given.
if [ -z "${FRONTLINE_BIN:-}" ]; then
    [ -x target/debug/frontline ] || cargo build --locked
    export FRONTLINE_BIN="$PWD/target/debug/frontline"
fi
# From python/tests, so that the package imported is the installed wheel,
# not python/frontline (which lacks the compiled extension).
cd python/tests
exec "../../$venv/bin/python" -m pytest -q -p no:cacheprovider "${pytest_args[@]}" .
