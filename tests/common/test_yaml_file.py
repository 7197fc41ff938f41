"""A YAML file with a list under one key: read, or a clear error naming the file."""

import pytest

from common.yaml_file import read_list_file


class Oops(ValueError):
    pass


def test_the_mapping_is_returned(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("entries:\n  - id: x\n")
    assert read_list_file(path, "entries", "content", Oops) == {"entries": [{"id": "x"}]}


@pytest.mark.parametrize("text", ["entries: 3\n", "- just a list\n", "entries: [unclosed\n", ""])
def test_a_file_that_is_not_one_raises_the_callers_error_naming_it(tmp_path, text):
    path = tmp_path / "bad.yml"
    path.write_text(text)
    with pytest.raises(Oops, match="bad.yml"):
        read_list_file(path, "entries", "content", Oops)


def test_a_missing_file_and_an_optional_key(tmp_path):
    with pytest.raises(Oops, match="cannot read the content file"):
        read_list_file(tmp_path / "none.yml", "entries", "content", Oops)
    path = tmp_path / "no-services.yml"
    path.write_text("directorates: {nav: NAV}\n")
    assert read_list_file(path, "services", "services", Oops, required=False) == {"directorates": {"nav": "NAV"}}
    with pytest.raises(Oops, match="expected a 'services' list"):
        read_list_file(path, "services", "services", Oops)
