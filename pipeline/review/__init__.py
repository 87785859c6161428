"""Review two runs: what changed, record by record, and promote only what a person accepted.

Modules: :mod:`~pipeline.review.diff` pairs documents and lists changes,
:mod:`~pipeline.review.records` says what a record is and how versions compare and merge,
:mod:`~pipeline.review.normal` the normal forms compared, :mod:`~pipeline.review.render`
the terminal and HTML views (:mod:`~pipeline.review.context` finds the source text around
a value), :mod:`~pipeline.review.decisions` the decisions file and ``apply``,
:mod:`~pipeline.review.commands` the CLI glue and exit codes.

**Why not daff or datacompy.** Both diff *flat tables* by key columns (daff can even patch
one with its diff) and were the first choice looked at. They do not fit here: the source
of truth is the nested document JSON, of which the CSV tables are a pure projection, so a
table diff would report one edit several times (a session's municipality is a row in
``session_municipalities``, ``municipalities`` and ``mentions``) and a table patch could
not be turned back into a valid document; the keys are normal forms computed per record
type (a person's folded name, a contact's email, a phone's E.164), not columns; and the
review needs a decision per change and a merge of NEW into the published OLD by those
decisions, which neither offers. So the diff walks the documents with one declarative
description per record type (:data:`records.SESSION_KINDS`, :data:`records.DOCUMENT_KINDS`)
that serves both the diff and the merge. datacompy would also have added a dependency.

**What is compared**, per document (paired by content hash, then by source path):

================================  ==========================  ==============================
record (table)                    identity                    compared fields
================================  ==========================  ==============================
documents                         source sha256 / path        source_path, content (hash,
                                                              bytes, pages, format), title,
                                                              published, event_date, location,
                                                              schema_version
sessions                          number (title if none)      title, description
session_municipalities            session + CBS code          municipality_name
facilitators, people              (session +) folded name     name, organisation, role
contacts                          session + email / E.164     name, email, phone_e164
offerings                         session + folded text       text
quotes                            folded speaker + text       speaker, text, role,
                                                              organisation, municipality_code
organisations                     folded name                 name, aliases (as a set)
municipalities                    CBS code                    municipality_name
emails / phones / programmes      lower case / E.164 / text   (presence; programme name)
================================  ==========================  ==============================

Values are compared in normal forms (:mod:`~pipeline.review.normal`): whitespace runs and
Unicode composition never count, lists of aliases are sets.

**Not compared**, because it is provenance or diagnostics, not data: the document's ``text``,
``mentions`` (offsets, pages, stages, confidences: a mention that moved because text above
it changed is not a change of data), ``warnings``, ``as_written`` spellings of municipalities
and phones (a phone written ``06 5759 3276`` instead of ``06-57593276`` is the same E.164),
the order of list items (positions), derived counts (``n_sessions``, ``n_municipalities``)
and ``doc_id`` (derived from path and content, both compared). A changed source file with
the same path is one document whose ``content`` changed, shown field by field.

In a published folder, what is not compared follows the document's provenance side: NEW's
text, mentions, warnings, spellings and order when a change of the document was accepted and
NEW's text is the one published (same content, or the content change accepted), else OLD's.
So a document without an accepted change stays byte for byte as it was.
"""
