"""The package installs anywhere: configs, models, the KB and the schema are package data, read
with importlib.resources; the built wheel, installed into a fresh virtual environment and run
from another directory, gives the checkout's records byte for byte."""
from __future__ import annotations

import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

#: ways of reaching a folder above the package from its own files
ABOVE_PACKAGE = re.compile(r"\.parents\[|\.parent\.parent|REPO\b")


def test_no_path_above_the_package():
    found = [f"{p.relative_to(REPO)}:{n}" for p in sorted((REPO / "pipeline").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if ABOVE_PACKAGE.search(line)]
    assert found == []


def test_the_checker_sees_a_path_above_the_package():
    assert ABOVE_PACKAGE.search('DEFAULT = Path(__file__).resolve().parents[2] / "configs"')
    assert not ABOVE_PACKAGE.search('DEFAULT = "configs/default.toml"')


def test_shipped_files_resolve_to_the_repository_folders_in_a_checkout():
    from pipeline.resources import resolve, shipped

    assert shipped("models/kb/entities.jsonl").samefile(REPO / "models" / "kb" / "entities.jsonl")
    assert shipped("configs/default.toml").samefile(REPO / "configs" / "default.toml")
    assert resolve("models/ner").samefile(REPO / "models" / "ner")
    assert resolve("my/own.toml") == Path("my/own.toml")      # other relative paths stay relative
    with pytest.raises(ValueError):
        shipped("corpus/samples")


def _run(cmd: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_wheel_in_a_clean_venv_gives_the_checkouts_records(tmp_path):
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(REPO)], tmp_path, 300)
    wheel = next(dist.glob("newsfacts-*.whl"))
    assert next(dist.glob("newsfacts-*.tar.gz"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"pipeline", wheel.name.split("-py3")[0] + ".dist-info"}
    for shipped in ("pipeline/configs/default.toml", "pipeline/configs/lists.toml", "pipeline/configs/kb/firms.toml",
                    "pipeline/models/kb/entities.jsonl", "pipeline/models/ner/ko/model.crfsuite",
                    "pipeline/schema/record.schema.json"):
        assert shipped in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, 600)

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "corpus").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(REPO / "corpus" / "samples"), str(elsewhere / "corpus")], check=True)
    probe = _run([str(python), "-c", "import pipeline; print(pipeline.__file__)"], elsewhere, 60)
    assert str(env_dir) in probe.stdout and str(REPO) not in probe.stdout
    _run([str(env_dir / "bin" / "newsfacts"), "run", "corpus/samples", "-o", "installed.jsonl", "-q"],
         elsewhere, 300)
    _run([sys.executable, "-m", "pipeline", "run", "corpus/samples", "-o", str(tmp_path / "checkout.jsonl"),
          "-q"], REPO, 300)
    installed = (elsewhere / "installed.jsonl").read_bytes()
    assert installed.count(b"\n") >= 17
    assert installed == (tmp_path / "checkout.jsonl").read_bytes()
