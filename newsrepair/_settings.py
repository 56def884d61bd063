"""Settings for the command line: ``[tool.newsrepair]`` in ``pyproject.toml`` and flags.

Both build the same :class:`newsrepair.Config`; flags win over the file. Keys
are the :class:`~newsrepair.Config` field names, in ``kebab-case`` or
``snake_case``, plus the command line's own ``select``, ``ignore`` and
``per-file-ignores``. An unknown key is an error that names it, so a typo
never passes silently.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import attrs
import regex

from ._config import Config
from ._files import UserError
from ._kinds import FINDING_KINDS, REPAIR_KINDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CLI_KEYS = ("select", "ignore", "per_file_ignores")
CONFIG_KEYS = tuple(a.name for a in attrs.fields(Config))
CODE_PREFIX = regex.compile(r"^(?:ALL|[RW]\d{0,3})$")
ALL_CODES = tuple(k.code for k in (*REPAIR_KINDS.values(), *FINDING_KINDS.values()))


@attrs.frozen
class Settings:
    """What one run uses: the library config and the rule selection."""

    config: Config = attrs.Factory(Config)
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = attrs.Factory(dict)
    root: Path = attrs.Factory(Path.cwd)
    source: str | None = None

    def wants(self, code: str, path: str) -> bool:
        """Whether diagnostics with ``code`` are shown for ``path``."""
        if not _matches(code, self.select) or _matches(code, self.ignore):
            return False
        relative = _relative(path, self.root)
        return not any(
            _matches(code, codes)
            for pattern, codes in self.per_file_ignores.items()
            if fnmatch(relative, pattern) or fnmatch(Path(path).name, pattern)
        )


def _matches(code: str, prefixes: Sequence[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def codes(values: Sequence[str], where: str) -> tuple[str, ...]:
    """Rule codes or prefixes (``R301``, ``W3``, ``ALL``), comma lists allowed, checked."""
    out: list[str] = []
    for value in values:
        out.extend(v.strip().upper() for v in value.split(",") if v.strip())
    bad = [
        c
        for c in out
        if not CODE_PREFIX.match(c) or not any(a.startswith(c) for a in (*ALL_CODES, "ALL"))
    ]
    if bad:
        raise UserError(
            f"{where}: unknown rule code(s) {', '.join(bad)}; codes look like R301 or W3 "
            "(see `newsrepair rules`)"
        )
    return tuple(out)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.newsrepair]`` table."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "newsrepair" in _table(candidate, required=False):
            return candidate
    return None


def _table(path: Path, required: bool = True) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        if not required:
            return {}
        raise UserError(f"{path}: cannot read it as TOML ({err})") from None
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def load(path: Path) -> dict[str, Any]:
    """The ``[tool.newsrepair]`` table of ``path`` with keys in ``snake_case``, checked."""
    table = _table(path).get("newsrepair", {})
    if not isinstance(table, dict):
        raise UserError(f"{path}: [tool.newsrepair] must be a table")
    settings = {key.replace("-", "_"): value for key, value in table.items()}
    unknown = sorted(k for k in table if k.replace("-", "_") not in (*CONFIG_KEYS, *CLI_KEYS))
    if unknown:
        known = ", ".join(k.replace("_", "-") for k in (*CONFIG_KEYS, *CLI_KEYS))
        raise UserError(
            f"{path}: unknown [tool.newsrepair] key(s) {', '.join(unknown)}; known keys: {known}"
        )
    return settings


def build(
    file_settings: Mapping[str, Any],
    flags: Mapping[str, Any],
    root: Path,
    source: str | None,
) -> Settings:
    """Settings from a config table and flags (flags win; ``None`` means "not given")."""
    where = source or "command line"
    merged = dict(file_settings)
    merged.update({k: v for k, v in flags.items() if v is not None})
    config_args = {k: v for k, v in merged.items() if k in CONFIG_KEYS}
    for key in ("passes", "keep_prefixes"):
        if isinstance(config_args.get(key), list):
            config_args[key] = tuple(config_args[key])
    try:
        config = Config(**config_args)
    except (TypeError, ValueError) as err:
        raise UserError(f"{where}: {err}") from None
    per_file = merged.get("per_file_ignores", {})
    if not isinstance(per_file, dict):
        raise UserError(f"{where}: per-file-ignores must map file patterns to lists of codes")
    return Settings(
        config=config,
        select=codes(_strings(merged.get("select", ["ALL"]), where), where),
        ignore=codes(_strings(merged.get("ignore", []), where), where),
        per_file_ignores={
            pattern: codes(_strings(v, where), where) for pattern, v in per_file.items()
        },
        root=root,
        source=source,
    )


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise UserError(f'{where}: rule codes must be a list of strings such as ["W3", "R301"]')
