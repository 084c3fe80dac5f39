//! Reading a DNA 3 database into plain rows: opened read-only, each table
//! in one query. DNA's schema (its `sql/Sql.java`): `DOCUMENTS`,
//! `STATEMENTTYPES` with their `VARIABLES`, `STATEMENTS` (`Start`, `Stop`
//! into the document's text) with one value per variable in `DATASHORTTEXT`
//! (an entity), `DATALONGTEXT`, `DATABOOLEAN` or `DATAINTEGER`; `ENTITIES`
//! with their `ATTRIBUTEVALUES` of the `ATTRIBUTEVARIABLES`; `REGEXES`;
//! `CODERS`. Tables DNA added over time (and those only its own window
//! needs) are read when they are there.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, params};

use crate::i18n::{fill, tr_im};

/// The tables without which a file is not a DNA 3 database.
const REQUIRED: [&str; 6] = [
    "DOCUMENTS",
    "STATEMENTS",
    "STATEMENTTYPES",
    "VARIABLES",
    "ENTITIES",
    "DATASHORTTEXT",
];

/// How long to wait for a writer (DNA itself) to let go of the file.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// One document.
pub(super) struct DocRow {
    pub id: i64,
    pub title: String,
    pub text: String,
    pub coder: Option<i64>,
    pub author: String,
    pub source: String,
    pub section: String,
    pub notes: String,
    pub kind: String,
    /// Unix seconds; `None` where DNA holds no date (not 1970).
    pub date: Option<i64>,
}

/// One variable of a statement type.
pub(super) struct VarRow {
    pub id: i64,
    pub name: String,
    pub data_type: String,
    pub statement_type: i64,
}

/// One entity: a value of a short-text variable.
pub(super) struct EntityRow {
    pub id: i64,
    pub variable: i64,
    pub value: String,
    pub colour: Option<[u8; 3]>,
    pub child_of: Option<i64>,
}

/// One statement.
pub(super) struct StatementRow {
    pub id: i64,
    pub statement_type: i64,
    pub document: i64,
    pub start: i64,
    pub stop: i64,
    pub coder: Option<i64>,
}

/// A statement's value of one variable.
pub(super) enum Value {
    /// A short text: the entity's id.
    Entity(i64),
    /// A boolean or integer.
    Number(i64),
    /// A long text.
    Text(String),
}

/// Everything the import reads.
pub(super) struct Database {
    pub version: Option<String>,
    pub documents: Vec<DocRow>,
    /// Statement types: id, label, colour.
    pub types: Vec<(i64, String, [u8; 3])>,
    pub variables: Vec<VarRow>,
    pub entities: Vec<EntityRow>,
    /// Entity attributes: entity id to (attribute name, value).
    pub attributes: HashMap<i64, Vec<(String, String)>>,
    pub statements: Vec<StatementRow>,
    /// Per statement: (variable id, value).
    pub values: HashMap<i64, Vec<(i64, Value)>>,
    /// The highlighter's patterns: label (the pattern) and colour.
    pub regexes: Vec<(String, [u8; 3])>,
    /// Coders: id to name.
    pub coders: HashMap<i64, String>,
    pub variable_links: usize,
}

/// Why a database could not be read; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file does not start as an SQLite file does.
    #[error("{}", fill(tr_im().err_not_sqlite, &[("path", path)]))]
    NotSqlite {
        /// The file.
        path: String,
    },
    /// An SQLite file without one of DNA's tables.
    #[error("{}", fill(tr_im().err_not_dna, &[("path", path), ("table", table)]))]
    NotDna {
        /// The file.
        path: String,
        /// The table missing.
        table: String,
    },
    /// Another program holds a lock on it.
    #[error("{}", fill(tr_im().err_locked, &[("path", path)]))]
    Locked {
        /// The file.
        path: String,
    },
    /// SQLite calls it damaged.
    #[error("{}", fill(tr_im().err_corrupt, &[("path", path), ("why", why)]))]
    Corrupt {
        /// The file.
        path: String,
        /// SQLite's words.
        why: String,
    },
    /// Anything else: missing, unreadable, a column of the wrong type.
    #[error("{}", fill(tr_im().err_read, &[("path", path), ("why", why)]))]
    Other {
        /// The file.
        path: String,
        /// What went wrong.
        why: String,
    },
}

impl ReadError {
    fn from_sqlite(path: &Path, error: &rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.display().to_string();
        let why = error.to_string();
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked { path },
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Self::Corrupt { path, why }
            }
            _ => Self::Other { path, why },
        }
    }
}

/// Reads the database at `path`, read-only: the file is never changed.
pub(super) fn read(path: &Path) -> Result<Database, ReadError> {
    let shown = || path.display().to_string();
    let mut head = [0u8; 16];
    let opened = std::fs::File::open(path).and_then(|mut file| {
        use std::io::Read as _;
        file.read_exact(&mut head)
    });
    match opened {
        Ok(()) if &head == b"SQLite format 3\0" => {}
        Ok(()) => return Err(ReadError::NotSqlite { path: shown() }),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(ReadError::NotSqlite { path: shown() });
        }
        Err(e) => {
            return Err(ReadError::Other {
                path: shown(),
                why: e.to_string(),
            });
        }
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let db =
        Connection::open_with_flags(path, flags).map_err(|e| ReadError::from_sqlite(path, &e))?;
    db.busy_timeout(BUSY_WAIT)
        .map_err(|e| ReadError::from_sqlite(path, &e))?;
    let sql = |e: rusqlite::Error| ReadError::from_sqlite(path, &e);
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(sql)?;
    let has = |t: &str| tables.iter().any(|n| n.eq_ignore_ascii_case(t));
    if let Some(missing) = REQUIRED.iter().find(|t| !has(t)) {
        return Err(ReadError::NotDna {
            path: shown(),
            table: (*missing).to_owned(),
        });
    }
    let rgb = |r: i64, g: i64, b: i64| {
        let c = |v: i64| u8::try_from(v.clamp(0, 255)).unwrap_or(0);
        [c(r), c(g), c(b)]
    };
    let documents = rows(
        &db,
        "SELECT ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date FROM DOCUMENTS ORDER BY ID",
        |r| {
            Ok(DocRow {
                id: r.get(0)?,
                title: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                text: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                coder: r.get(3)?,
                author: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                source: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                section: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                notes: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                kind: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                date: r.get(9)?,
            })
        },
    )
    .map_err(sql)?;
    let types = rows(
        &db,
        "SELECT ID, Label, Red, Green, Blue FROM STATEMENTTYPES ORDER BY ID",
        |r| Ok((r.get(0)?, r.get(1)?, rgb(r.get(2)?, r.get(3)?, r.get(4)?))),
    )
    .map_err(sql)?;
    let variables = rows(
        &db,
        "SELECT ID, Variable, DataType, StatementTypeId FROM VARIABLES ORDER BY ID",
        |r| {
            Ok(VarRow {
                id: r.get(0)?,
                name: r.get(1)?,
                data_type: r.get(2)?,
                statement_type: r.get::<_, Option<i64>>(3)?.unwrap_or_default(),
            })
        },
    )
    .map_err(sql)?;
    let entities = rows(
        &db,
        "SELECT ID, VariableId, Value, Red, Green, Blue, ChildOf FROM ENTITIES ORDER BY ID",
        |r| {
            let colour = match (r.get(3)?, r.get(4)?, r.get(5)?) {
                (Some(red), Some(green), Some(blue)) => Some(rgb(red, green, blue)),
                _ => None,
            };
            Ok(EntityRow {
                id: r.get(0)?,
                variable: r.get(1)?,
                value: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                colour,
                child_of: r.get(6)?,
            })
        },
    )
    .map_err(sql)?;
    let mut attributes: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    if has("ATTRIBUTEVALUES") && has("ATTRIBUTEVARIABLES") {
        let list = rows(
            &db,
            "SELECT v.EntityId, a.AttributeVariable, v.AttributeValue FROM ATTRIBUTEVALUES v \
             JOIN ATTRIBUTEVARIABLES a ON a.ID = v.AttributeVariableId ORDER BY v.EntityId, a.ID",
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .map_err(sql)?;
        for (entity, name, value) in list {
            attributes.entry(entity).or_default().push((name, value));
        }
    }
    let statements = rows(
        &db,
        "SELECT ID, StatementTypeId, DocumentId, Start, Stop, Coder FROM STATEMENTS ORDER BY DocumentId, Start, ID",
        |r| {
            Ok(StatementRow {
                id: r.get(0)?,
                statement_type: r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                document: r.get::<_, Option<i64>>(2)?.unwrap_or_default(),
                start: r.get(3)?,
                stop: r.get(4)?,
                coder: r.get(5)?,
            })
        },
    )
    .map_err(sql)?;
    let mut values: HashMap<i64, Vec<(i64, Value)>> = HashMap::new();
    let short = rows(
        &db,
        "SELECT StatementId, VariableId, Entity FROM DATASHORTTEXT ORDER BY ID",
        |r| Ok((r.get(0)?, r.get(1)?, Value::Entity(r.get(2)?))),
    )
    .map_err(sql)?;
    let mut all = short;
    for (table, long) in [
        ("DATABOOLEAN", false),
        ("DATAINTEGER", false),
        ("DATALONGTEXT", true),
    ] {
        if !has(table) {
            continue;
        }
        let query = format!("SELECT StatementId, VariableId, Value FROM {table} ORDER BY ID");
        let list = rows(&db, &query, |r| {
            let value = if long {
                Value::Text(r.get::<_, Option<String>>(2)?.unwrap_or_default())
            } else {
                Value::Number(r.get(2)?)
            };
            Ok((r.get(0)?, r.get(1)?, value))
        })
        .map_err(sql)?;
        all.extend(list);
    }
    for (statement, variable, value) in all {
        values.entry(statement).or_default().push((variable, value));
    }
    let regexes = if has("REGEXES") {
        rows(&db, "SELECT Label, Red, Green, Blue FROM REGEXES", |r| {
            Ok((r.get(0)?, rgb(r.get(1)?, r.get(2)?, r.get(3)?)))
        })
        .map_err(sql)?
    } else {
        Vec::new()
    };
    let coders = if has("CODERS") {
        rows(&db, "SELECT ID, Name FROM CODERS ORDER BY ID", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(sql)?
        .into_iter()
        .collect()
    } else {
        HashMap::new()
    };
    let count = |table: &str| -> Result<usize, ReadError> {
        if !has(table) {
            return Ok(0);
        }
        let n: i64 = db
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), params![], |r| {
                r.get(0)
            })
            .map_err(sql)?;
        Ok(usize::try_from(n).unwrap_or_default())
    };
    let version = if has("SETTINGS") {
        db.query_row(
            "SELECT Value FROM SETTINGS WHERE Property = 'version'",
            [],
            |r| r.get(0),
        )
        .ok()
    } else {
        None
    };
    Ok(Database {
        version,
        documents,
        types,
        variables,
        entities,
        attributes,
        statements,
        values,
        regexes,
        coders,
        variable_links: count("VARIABLELINKS")?,
    })
}

/// Every row of `query`, each made by `row`.
fn rows<T>(
    db: &Connection,
    query: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut statement = db.prepare(query)?;
    statement.query_map([], row)?.collect()
}
