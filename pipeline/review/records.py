"""Records of a document: their identities, the fields compared, and how two versions merge.

A document JSON holds lists of records (sessions, and inside a session its municipalities,
facilitators, contacts and offerings; quotes, people, organisations, ...). Each list is a
:class:`Kind`: how a record is identified (its key, a normal form, never its position),
which fields are compared, and where its values live so an accepted change can be copied.
The same walk serves the diff (:func:`diff_document`) and the promotion of reviewed changes
(:func:`merge_document`), so what is reported is exactly what can be decided.

Not compared (provenance and diagnostics, see the package docstring): ``text``,
``mentions``, ``warnings``, the ``as_written`` spellings of municipalities and phones,
positions (``offerings``, ``quotes``, ``programmes`` order) and derived counts.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.review import normal

Item = Any  # a dict record, or a plain string for lists of strings (offerings, emails)


@dataclass(frozen=True)
class Field:
    """One compared field of a record: its normal form and the keys that hold its value."""

    name: str
    compare: Callable[[Item], Any]
    keys: tuple[str, ...] = ()
    show: Callable[[Item], Any] | None = None
    take_fn: Callable[[Item, Item], Item] | None = None

    def display(self, item: Item) -> Any:
        return (self.show or self.compare)(item)

    def take(self, dst: Item, src: Item) -> Item:
        """``dst`` with this field's value copied from ``src`` (a string item is replaced)."""
        if self.take_fn:
            return self.take_fn(dst, src)
        if not isinstance(dst, dict):
            return src
        for key in self.keys:
            if key in src:
                dst[key] = copy.deepcopy(src[key])
            else:
                dst.pop(key, None)
        return dst


@dataclass(frozen=True)
class Kind:
    """A list of records inside a document or a session, shown as the table it lands in."""

    table: str
    path: str
    identity: Callable[[Item], str]
    label: Callable[[Item], str]
    anchors: Callable[[Item], list[str]]
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Change:
    """One reviewable difference: a record added or removed, or one field changed."""

    id: str
    doc: str
    table: str
    record: str
    label: str
    change: str  # "added" | "removed" | "changed"
    field: str | None
    old: Any
    new: Any
    anchors_old: tuple[str, ...] = ()
    anchors_new: tuple[str, ...] = ()
    session: str | None = None  # the title of the session a nested record belongs to

    def to_dict(self) -> dict[str, Any]:
        keys = ("id", "table", "record", "label", "change", "field", "old", "new")
        # Through JSON so a tuple (aliases) is a list here, in files and in the diff hash alike.
        return json.loads(json.dumps({key: getattr(self, key) for key in keys}, ensure_ascii=False))


def change_id(doc: str, table: str, record: str, what: str) -> str:
    """Stable across runs: a hash of where the change is, never of the values or positions."""
    digest = hashlib.sha256(json.dumps([doc, table, record, what], ensure_ascii=False).encode())
    return "c" + digest.hexdigest()[:11]


def _get(key: str, norm: Callable[[Any], Any] = normal.text) -> Callable[[Item], Any]:
    return lambda item: norm(item.get(key))


def _field(name: str, key: str | None = None, norm: Callable[[Any], Any] = normal.text) -> Field:
    return Field(name, _get(key or name, norm), (key or name,))


def _whole(name: str, norm: Callable[[Any], Any] = normal.text) -> Field:
    """The field of a list of strings: the string itself."""
    return Field(name, norm)


def _muni_identity(item: dict[str, Any]) -> str:
    return normal.text(item.get("code")) or "name:" + normal.key(item.get("name"))


def _muni_label(item: dict[str, Any]) -> str:
    return f"{item.get('name')} ({item.get('code') or 'no code'})"


def _muni_anchors(item: dict[str, Any]) -> list[str]:
    return [*item.get("as_written", []), item.get("name"), item.get("code")]


def _muni_show(value: Any) -> str | None:
    return _muni_label(value) if isinstance(value, dict) else None


def _short(value: Any, size: int = 60) -> str:
    value = normal.text(value) or ""
    return value if len(value) <= size else value[: size - 1] + "…"


def _contact_identity(item: dict[str, Any]) -> str:
    found = normal.email(item.get("email")) or normal.phone(item.get("phone"))
    return found or "name:" + normal.key(item.get("name"))


def _phone_anchors(phone: Any) -> list[str]:
    return [phone.get("e164"), phone.get("as_written")] if isinstance(phone, dict) else []


MUNICIPALITY_FIELDS = (_field("municipality_name", "name"),)
PERSON_FIELDS = (_field("name"), _field("organisation"), _field("role"))


def _person_kind(table: str, path: str) -> Kind:
    return Kind(table, path, _get("name", normal.key), _get("name"), lambda p: [p.get("name")], PERSON_FIELDS)


def _muni_kind(table: str) -> Kind:
    return Kind(table, "municipalities", _muni_identity, _muni_label, _muni_anchors, MUNICIPALITY_FIELDS)


SESSION_KINDS: tuple[Kind, ...] = (
    _muni_kind("session_municipalities"),
    _person_kind("facilitators", "facilitators"),
    Kind(
        "contacts",
        "contacts",
        _contact_identity,
        lambda c: c.get("name") or c.get("email") or normal.phone(c.get("phone")) or "?",
        lambda c: [c.get("email"), *_phone_anchors(c.get("phone")), c.get("name")],
        (
            _field("name"),
            _field("email", norm=normal.email),
            Field("phone_e164", lambda c: normal.phone(c.get("phone")), ("phone",)),
        ),
    ),
    Kind("offerings", "offerings", normal.key, _short, lambda o: [o], (_whole("text"),)),
)

DOCUMENT_KINDS: tuple[Kind, ...] = (
    Kind(
        "quotes",
        "quotes",
        lambda q: normal.key(q.get("speaker")) + "|" + normal.key(q.get("text")),
        lambda q: f"{q.get('speaker') or 'anonymous'}: {_short(q.get('text'), 50)}",
        lambda q: [q.get("text"), q.get("speaker")],
        (
            _field("speaker"),
            _field("text"),
            _field("role"),
            _field("organisation"),
            Field(
                "municipality_code",
                _get("municipality", normal.municipality),
                ("municipality",),
                lambda q: _muni_show(q.get("municipality")),
            ),
        ),
    ),
    _person_kind("people", "people"),
    Kind(
        "organisations",
        "organisations",
        _get("name", normal.key),
        _get("name"),
        lambda o: [o.get("name"), *o.get("aliases", [])],
        (_field("name"), _field("aliases", norm=normal.text_list)),
    ),
    _muni_kind("municipalities"),
    Kind("emails", "emails", lambda e: normal.email(e) or "", lambda e: e, lambda e: [e]),
    Kind("phones", "phones", lambda p: normal.phone(p) or "", lambda p: p.get("e164"), _phone_anchors),
    Kind("programmes", "programmes", normal.key, _short, lambda p: [p], (_whole("name"),)),
)

SESSIONS = Kind(
    "sessions",
    "sessions",
    lambda s: str(s["number"]) if s.get("number") is not None else "title:" + normal.key(s.get("title")),
    lambda s: f"session {s.get('number')}: {_short(s.get('title'), 50)}",
    lambda s: [s.get("title")],
    (_field("title"), _field("description")),
)


def _take_path(dst: dict[str, Any], src: dict[str, Any]) -> dict[str, Any]:
    dst.setdefault("source", {})["path"] = src["source"]["path"]
    return dst


def _take_content(dst: dict[str, Any], src: dict[str, Any]) -> dict[str, Any]:
    for key in ("format", "sha256", "bytes", "pages"):
        if key in src["source"]:
            dst["source"][key] = src["source"][key]
    return dst


def _content_show(doc: dict[str, Any]) -> str:
    src = doc["source"]
    pages = src.get("pages")
    return f"sha256 {src['sha256'][:12]}…, {src.get('bytes')} bytes, {pages} pages, {src['format']}"


# The document's own record (table ``documents``). ``content`` is the source file's version:
# hash, size, pages and format move together because they describe the same bytes.
DOCUMENT_FIELDS: tuple[Field, ...] = (
    Field("source_path", lambda d: normal.text(d["source"]["path"]), take_fn=_take_path),
    Field("content", lambda d: d["source"]["sha256"], show=_content_show, take_fn=_take_content),
    *(_field(name) for name in ("title", "published", "event_date", "location", "schema_version")),
)
DOCUMENT = Kind("documents", "", lambda d: "document", lambda d: "document", lambda d: [], DOCUMENT_FIELDS)


def keyed(kind: Kind, items: list[Item]) -> dict[str, Item]:
    """Records by identity, in list order; a repeated identity gets ``#2``, ``#3``."""
    out: dict[str, Item] = {}
    for item in items:
        base = kind.identity(item)
        key, n = base, 2
        while key in out:
            key, n = f"{base}#{n}", n + 1
        out[key] = item
    return out


def summary(kind: Kind, item: Item) -> Any:
    """What an added or removed record shows: its compared fields (a string is itself)."""
    if not isinstance(item, dict):
        return normal.text(item)
    if not kind.fields:
        return kind.label(item)
    if kind is SESSIONS:
        return {
            "title": normal.text(item.get("title")),
            **{k.table: [k.label(i) for i in item.get(k.path, [])] for k in SESSION_KINDS},
        }
    shown = {"record": kind.label(item)}
    shown.update({f.name: f.display(item) for f in kind.fields if f.display(item) is not None})
    return shown


# --- diff -------------------------------------------------------------------------------


def diff_document(doc: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every reviewable difference between two versions of one document."""
    changes = list(_diff_fields(doc, DOCUMENT, "document", "document", old, new))
    for kind in (SESSIONS, *DOCUMENT_KINDS):
        changes += _diff_list(doc, kind, old.get(kind.path, []), new.get(kind.path, []), "")
    return changes


def _diff_list(
    doc: str, kind: Kind, old_items: list[Item], new_items: list[Item], prefix: str, session: Item = None
) -> list[Change]:
    """Changes of one list; ``session`` is the session dict a nested list belongs to."""
    old_map, new_map = keyed(kind, old_items), keyed(kind, new_items)
    where = f"{SESSIONS.label(session)} · " if session else ""
    title = session.get("title") if session else None
    changes: list[Change] = []
    for key, old in old_map.items():
        if key not in new_map:
            changes.append(
                _whole_change(doc, kind, prefix + key, where + kind.label(old), "removed", old, title)
            )
            continue
        new = new_map[key]
        changes += _diff_fields(doc, kind, prefix + key, where + kind.label(new), old, new, title)
        if kind is SESSIONS:
            for sub in SESSION_KINDS:
                olds, news = old.get(sub.path, []), new.get(sub.path, [])
                changes += _diff_list(doc, sub, olds, news, prefix + key + "/", new)
    for key, new in new_map.items():
        if key not in old_map:
            changes.append(
                _whole_change(doc, kind, prefix + key, where + kind.label(new), "added", new, title)
            )
    return changes


def _whole_change(
    doc: str, kind: Kind, record: str, label: str, what: str, item: Item, session: str | None
) -> Change:
    anchors = tuple(a for a in kind.anchors(item) if a)
    return Change(
        id=change_id(doc, kind.table, record, what),
        doc=doc,
        table=kind.table,
        record=record,
        label=label,
        change=what,
        field=None,
        old=summary(kind, item) if what == "removed" else None,
        new=summary(kind, item) if what == "added" else None,
        anchors_old=anchors if what == "removed" else (),
        anchors_new=anchors if what == "added" else (),
        session=session,
    )


def _diff_fields(
    doc: str, kind: Kind, record: str, label: str, old: Item, new: Item, session: str | None = None
) -> Iterator[Change]:
    for field in kind.fields:
        if field.compare(old) == field.compare(new):
            continue
        old_value, new_value = field.display(old), field.display(new)
        yield Change(
            id=change_id(doc, kind.table, record, field.name),
            doc=doc,
            table=kind.table,
            record=record,
            label=label,
            change="changed",
            field=field.name,
            old=old_value,
            new=new_value,
            # Where to show the value in the source: the value itself, else its record.
            anchors_old=_value_anchors(old_value) + tuple(a for a in kind.anchors(old) if a),
            anchors_new=_value_anchors(new_value) + tuple(a for a in kind.anchors(new) if a),
            session=session,
        )


def _value_anchors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    return ()


# --- merge ------------------------------------------------------------------------------


def merge_document(
    doc: str, old: dict[str, Any], new: dict[str, Any], accepted: Collection[str], provenance_new: bool
) -> dict[str, Any]:
    """The published version of a document: NEW where a change was accepted, else OLD.

    Records and fields follow their decisions one by one. What is not compared (text,
    mentions, warnings, spellings, order) comes from the provenance side, ``new`` when
    ``provenance_new`` (the caller decides: some change accepted and NEW's text is the one
    published), else ``old`` - so a document without an accepted change stays exactly OLD.
    """
    base = new if provenance_new else old
    merged = copy.deepcopy(base)
    ctx = _Merge(doc, accepted, provenance_new)
    for field in DOCUMENT_FIELDS:
        merged = field.take(merged, new if ctx.decided("documents", "document", field.name) else old)
    merged["doc_id"] = _doc_id(merged, old, new)
    for kind in (SESSIONS, *DOCUMENT_KINDS):
        items = ctx.merge_list(kind, old.get(kind.path, []), new.get(kind.path, []), "")
        if kind.path in base or items:  # never add an empty list the published side lacked
            merged[kind.path] = items
    return merged


def _doc_id(merged: dict[str, Any], old: dict[str, Any], new: dict[str, Any]) -> str:
    """The doc_id of the side whose path and content were published; a new id for a mix."""
    identity = (merged["source"]["path"], merged["source"]["sha256"])
    for side in (old, new):
        if identity == (side["source"]["path"], side["source"]["sha256"]):
            return side["doc_id"]
    from pipeline.process import make_doc_id

    return make_doc_id(*identity)


@dataclass(frozen=True)
class _Merge:
    doc: str
    accepted: Collection[str]
    provenance_new: bool

    def decided(self, table: str, record: str, what: str) -> bool:
        return change_id(self.doc, table, record, what) in self.accepted

    def merge_list(self, kind: Kind, old_items: list[Item], new_items: list[Item], prefix: str) -> list[Item]:
        """Records in the provenance side's order; the other side's survivors by their neighbours."""
        old_map, new_map = keyed(kind, old_items), keyed(kind, new_items)
        first, second = (new_map, old_map) if self.provenance_new else (old_map, new_map)
        out = []
        for key in _interleave(list(first), list(second)):
            item = self.merge_record(kind, key, old_map.get(key), new_map.get(key), prefix)
            if item is not None:
                out.append(item)
        return out

    def merge_record(self, kind: Kind, key: str, old: Item, new: Item, prefix: str) -> Item | None:
        record = prefix + key
        if new is None:
            return None if self.decided(kind.table, record, "removed") else copy.deepcopy(old)
        if old is None:
            return copy.deepcopy(new) if self.decided(kind.table, record, "added") else None
        merged = copy.deepcopy(new if self.provenance_new else old)
        for field in kind.fields:
            merged = field.take(merged, new if self.decided(kind.table, record, field.name) else old)
        if kind is SESSIONS:
            for sub in SESSION_KINDS:
                olds, news = old.get(sub.path, []), new.get(sub.path, [])
                merged[sub.path] = self.merge_list(sub, olds, news, record + "/")
        return merged


def _interleave(first: list[str], second: list[str]) -> list[str]:
    """``first``, with each key only in ``second`` placed after its predecessor there."""
    order = list(first)
    for i, key in enumerate(second):
        if key in order:
            continue
        before = next((k for k in reversed(second[:i]) if k in order), None)
        order.insert(order.index(before) + 1 if before is not None else 0, key)
    return order
