"""Every model trained on the gold sets refuses the news test split, whatever its kind."""
from __future__ import annotations

import pytest

from pipeline.cli import main as cli


@pytest.mark.parametrize("kind", ["events", "typer", "rates"])
def test_training_on_the_news_test_split_is_refused(tmp_path, capsys, kind):
    config = tmp_path / f"{kind}.toml"
    config.write_text(f'kind = "{kind}"\noutput = "{tmp_path / "out"}"\nsets = ["news:dev", "news:test"]\n',
                      encoding="utf-8")
    assert cli(["train", "--config", str(config)]) == 2
    assert "news:test is the test split" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
