"""The published corpus's facts by statement id, kept in memory and brought up to date from the
change log.

The corpus index (archive.corpus_index) numbers statements by their place in the list's order, a
numbering every new statement shifts, so it is made anew at each corpus version. Reading every
fact table again for it costs about 50 µs a statement (most of it in the database): seconds at
100,000 statements, at every batch of a load. This store keeps the same facts keyed by statement
id, which no change moves: a new version re-reads only the statements its changes touched
(`archive.models.corpus.changes_since`), and the index is renumbered from memory.
"""

from array import array
from itertools import batched

from pyroaring import BitMap

from archive.kinds import FACT_KINDS, LANGUAGE, RoleKind
from archive.models import Mention, Statement
from archive.models.corpus import EVERYTHING, changes_since
from archive.roles import ROLE_LENGTH

SIDES = (Mention.Side.SOC, Mention.Side.COUNTERPART)  # the two sides of a meeting's table
REREAD_SHARE = 0.25  # past this share of the corpus touched, reading everything is cheaper
CHUNK = 5_000  # statement ids per query
# The kinds read from their facts' tables (the roles held then are derived from these).
READ_KINDS = tuple(kind for kind in FACT_KINDS if not isinstance(kind, RoleKind))


class CorpusFacts:
    """Per fact value, the published statements having it, as bitmaps of statement ids."""

    def __init__(self, version: int):
        self.version = version
        self.published = BitMap()
        self.day = array("l")  # per statement id: its date's ordinal, 0 when undated
        self.values: dict[str, dict[object, BitMap]] = {kind.name: {} for kind in READ_KINDS}
        self.values[LANGUAGE.name] = {}
        # The roles mentions give: (person, role as kept, organization) -> statements, and the
        # same for the mentions of people who spoke (the roles over time read them).
        self.given: dict[tuple, BitMap] = {}
        self.given_spoke: dict[tuple, BitMap] = {}
        # Per side of the table (the coalition's, its counterparts'): person -> statements.
        self.sides: dict[str, dict[int, BitMap]] = {side: {} for side in SIDES}

    @classmethod
    def read(cls, version: int) -> "CorpusFacts":
        """Every published statement's facts, as the database has them now."""
        facts = cls(version)
        facts._read(Statement.objects.published(), None)
        return facts

    def brought_to(self, version: int) -> "CorpusFacts":
        """These facts at `version`: updated in place when few statements changed since, else read
        anew."""
        changed = changes_since(self.version, version) if version >= self.version else EVERYTHING
        if changed is EVERYTHING or len(changed) > REREAD_SHARE * max(len(self.published), 1):
            return CorpusFacts.read(version)
        touched = BitMap(changed)
        self._forget(touched)
        for ids in batched(touched, CHUNK):
            self._read(Statement.objects.published().filter(pk__in=ids), ids)
        self.version = version
        return self

    def _forget(self, touched: BitMap) -> None:
        self.published -= touched
        for groups in (*self.values.values(), self.given, self.given_spoke, *self.sides.values()):
            for value in [v for v, ids in groups.items() if ids.intersect(touched)]:
                groups[value] -= touched
                if not groups[value]:
                    del groups[value]

    def _read(self, statements, ids) -> None:
        """Read these published statements (`ids`: the ones asked for, None for all)."""
        read = BitMap()
        languages = self.values[LANGUAGE.name]
        for pk, date, language in statements.values_list("id", "date", "language").iterator(
            chunk_size=10_000
        ):
            read.add(pk)
            self._dated(pk, date)
            languages.setdefault(language, BitMap()).add(pk)
        self.published |= read
        for kind in READ_KINDS:
            facts = kind.facts() if ids is None else kind.facts().filter(statement_id__in=ids)
            groups = self.values[kind.name]
            for statement, value in facts.values_list("statement_id", kind.column).iterator(
                chunk_size=50_000
            ):
                if statement in read:
                    groups.setdefault(value, BitMap()).add(statement)
        # The mentions that give a role or sit at the table.
        mentions = Mention.objects.visible().exclude(role="", side=Mention.Side.MENTIONED)
        if ids is not None:
            mentions = mentions.filter(statement_id__in=ids)
        rows = mentions.values_list(
            "statement_id", "person_id", "role", "organization_id", "spoke", "side"
        )
        for statement, person, role, organization, spoke, side in rows.iterator(chunk_size=50_000):
            if statement not in read:
                continue
            if role:
                key = (person, role[:ROLE_LENGTH], organization)
                self.given.setdefault(key, BitMap()).add(statement)
                if spoke:
                    self.given_spoke.setdefault(key, BitMap()).add(statement)
            if side in self.sides:
                self.sides[side].setdefault(person, BitMap()).add(statement)

    def _dated(self, pk: int, date) -> None:
        if pk >= len(self.day):
            self.day.extend([0] * (pk + 1 - len(self.day) + len(self.day) // 2))
        self.day[pk] = date.toordinal() if date else 0
