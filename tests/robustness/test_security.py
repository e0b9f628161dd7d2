"""Security: configs, tables and models load without executing code; no network at run time;
HTML is parsed without fetching anything it references."""
from __future__ import annotations

import ast
import socket
import threading
import time
from pathlib import Path

import orjson
import pytest

from conftest import REPO
from hostile.make_hostile import EN, HTML_REMOTE, KO, ZH
from pipeline import io as nio
from pipeline.errors import ConfigError

PACKAGE = REPO / "pipeline"
#: modules whose loaders run code from the data they read
UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "shelve", "marshal", "joblib"}
#: calls that execute code or unpickle: (object, attribute) or a builtin name
UNSAFE_CALLS = {("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("yaml", "load_all"),
                ("torch", "load"), ("pd", "read_pickle"), ("pandas", "read_pickle"), ("os", "system"),
                ("os", "popen"), ("np", "load"), ("numpy", "load")}
UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__"}


def _unsafe_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [f"{where} import {a.name}" for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(f"{where} from {node.module} import")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in UNSAFE_BUILTINS:
                found.append(f"{where} {func.id}()")
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                    and (func.value.id, func.attr) in UNSAFE_CALLS:
                found.append(f"{where} {func.value.id}.{func.attr}()")
    return found


def test_no_code_executing_loader_anywhere_in_the_package():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    found = [f"{path.parent.relative_to(REPO)}/{use}" for path in files for use in _unsafe_uses(path)]
    assert found == [], "code-executing loaders (use tomllib/json/safetensors, yaml.safe_load):\n" + "\n".join(found)


def test_the_checker_finds_what_it_looks_for(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import pickle\nfrom joblib import load\nimport yaml, torch\n"
                     "yaml.load(open('x'))\ntorch.load('m.pt')\neval('1')\nx = __import__('os')\n"
                     "yaml.safe_load('a: 1')\nimport re\nre.compile('x')\n", encoding="utf-8")
    uses = sorted(u.split(" ", 1)[1] for u in _unsafe_uses(probe))
    assert uses == sorted(["import pickle", "from joblib import", "yaml.load()", "torch.load()", "eval()",
                           "__import__()"])


def test_shipped_models_and_tables_are_not_pickles():
    for path in [*REPO.joinpath("models").rglob("*"), *PACKAGE.rglob("*")]:
        if not path.is_file() or path.suffix == ".pyc":
            continue
        assert path.suffix not in {".pkl", ".pickle", ".joblib", ".pt", ".pth", ".bin", ".npy", ".npz"}, path
        head = path.read_bytes()[:2]
        assert not (head[:1] == b"\x80" and head[1:2] in {b"\x02", b"\x03", b"\x04", b"\x05"}), f"{path} is a pickle"


def test_a_config_cannot_name_code_to_run(tmp_path):
    import pipeline

    marker = tmp_path / "pwned"
    with pytest.raises(ConfigError, match="unknown stage 'os:system'"):
        pipeline.load({"pipeline": {"stages": ["os:system"]}})
    cfg = tmp_path / "evil.toml"
    cfg.write_text('[pipeline]\nstages = ["clean"]\n[run]\n'
                   f'published = "__import__(\'os\').system(\'touch {marker}\')"\n', encoding="utf-8")
    nlp = pipeline.load(str(cfg))
    nlp("미국 상무부가 발표했다.")
    assert not marker.exists()


# --- no network at run time -----------------------------------------------------------------------

@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to connect, send or resolve a name is recorded and fails."""
    attempts: list[str] = []

    def refuse(what: str):
        def _refuse(*args, **kwargs):
            attempts.append(f"{what}{args[:2]}")
            raise OSError(f"network access at run time: {what}")
        return _refuse

    class NoSocket(socket.socket):
        """Sockets may be made (urllib3 probes IPv6 on import) but not connected anywhere."""

        connect = refuse("connect")
        connect_ex = refuse("connect_ex")
        sendto = refuse("sendto")

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_pipeline_runs_without_network(no_network, tmp_path):
    import io

    import pipeline
    from pipeline.batch import run_corpus
    from pipeline.config import load_config

    nlp = pipeline.load()          # a fresh pipeline: its models and tables load under the patch
    nlp.setup()
    doc = nlp(KO)
    assert doc.sentences and doc.lang == "ko"
    lines = [orjson.dumps({"id": "ko", "text": KO}), orjson.dumps({"id": "zh", "text": ZH}),
             orjson.dumps({"id": "en", "text": EN}), orjson.dumps({"id": "html", "html": HTML_REMOTE})]
    raws = [nio.RawRecord("mem", i, "jsonl", line) for i, line in enumerate(lines, 1)]
    out = io.BytesIO()
    stats = run_corpus(raws, out, load_config(None), workers=1)
    assert stats.errors == 0, out.getvalue().decode()
    assert no_network == []


class _Listener:
    """A local TCP server that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def test_html_parsing_fetches_nothing_it_references(tmp_path):
    from pipeline.html import html_to_text

    server = _Listener()
    url = f"http://127.0.0.1:{server.port}"
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    page = (f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{url}/evil.dtd" [<!ENTITY xxe SYSTEM "file://{secret}">'
            f'<!ENTITY remote SYSTEM "{url}/entity">]>'
            f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><link rel="stylesheet" href="{url}/s.css">'
            f'<script src="{url}/s.js"></script><base href="{url}/"></head><body>'
            f'<img src="{url}/pixel.png"><iframe src="{url}/frame"></iframe><object data="{url}/o"></object>'
            f'<xi:include href="{url}/inc"/><xi:include href="file://{secret}" parse="text"/>'
            f'<p>&xxe; &remote; {EN}</p></body></html>')
    try:
        text, _ = html_to_text(page)
        path = tmp_path / "page.html"
        path.write_text(page, encoding="utf-8")
        doc = nio.parse_record(next(nio.iter_inputs([str(path)])))
        time.sleep(0.5)
        assert server.connections == 0
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()   # the listener works
        time.sleep(0.5)
        assert server.connections == 1
    finally:
        server.close()
    assert "TOP-SECRET" not in text and "TOP-SECRET" not in doc.text
    assert EN in text


def test_the_network_guard_catches_a_connection(no_network):
    with pytest.raises(OSError, match="network access"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    with pytest.raises(OSError, match="network access"):
        socket.getaddrinfo("example.com", 80)
    assert len(no_network) == 2
