#!/usr/bin/env python3
"""DNA's network algorithm (leifeld/dna, dna/src/main/java/export/Exporter.java:
filterStatements, createArray, computeOneModeMatrix, computeTwoModeMatrix)
re-implemented on the sample database, for the expected values of
tests/dna_network.rs in Randnotiz. Not part of the repository.

usage: dna_reference.py [sample.dna]
"""
import sqlite3, sys, datetime

DB = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/testdata/dna/sample.dna'

def load():
    c = sqlite3.connect(f'file:{DB}?mode=ro', uri=True)
    var = {name: vid for vid, name in c.execute(
        "select ID, Variable from VARIABLES where StatementTypeId = 1")}
    docs = {i: dict(date=d, author=a, source=s, section=se, type=t) for i, d, a, s, se, t in
            c.execute("select ID, Date, Author, Source, Section, Type from DOCUMENTS")}
    out = []
    for sid, doc in c.execute(
            "select ID, DocumentId from STATEMENTS where StatementTypeId = 1 order by ID"):
        s = dict(id=sid, doc=doc, date=docs[doc]['date'])
        for name in ('person', 'organization', 'concept'):
            row = c.execute("select e.Value from DATASHORTTEXT d join ENTITIES e on e.ID = d.Entity "
                            "where d.StatementId = ? and d.VariableId = ?", (sid, var[name])).fetchone()
            s[name] = row[0] if row else ''
        row = c.execute("select Value from DATABOOLEAN where StatementId = ? and VariableId = ?",
                        (sid, var['agreement'])).fetchone()
        s['agreement'] = row[0] if row else 1
        s.update({k: docs[doc][k] for k in ('author', 'source', 'section', 'type')})
        out.append(s)
    # Collections.sort(ExportStatement): by date/time (stable on ID order here)
    out.sort(key=lambda s: (s['date'], s['id']))
    return out

def week(ts):
    return datetime.datetime.utcfromtimestamp(ts).isocalendar()[1]

def filter_statements(st, v1, v2, agg, duplicates, exclude=()):
    al = []
    for s in st:
        if any(s[k] == v for k, v in exclude):
            continue
        if s[v1] == '' or s[v2] == '':
            continue
        d = datetime.datetime.utcfromtimestamp(s['date'])
        dup = False
        if duplicates != 'include':
            for p in reversed(al):
                pd = datetime.datetime.utcfromtimestamp(p['date'])
                same = ((duplicates == 'document' and p['doc'] == s['doc'])
                        or duplicates == 'acrossrange'
                        or (duplicates == 'year' and d.year == pd.year)
                        or (duplicates == 'month' and d.month == pd.month)
                        or (duplicates == 'week' and week(s['date']) == week(p['date'])))
                if (same and s[v1] == p[v1] and s[v2] == p[v2]
                        and (agg == 'ignore' or s['agreement'] == p['agreement'])):
                    dup = True
                    break
        if not dup:
            al.append(s)
    return al

def labels(st, v):
    names = sorted({s[v] for s in st})  # Java String.compareTo = UTF-16 code units
    return [n for n in names if n != '']

def array(st, n1, n2, v1, v2):
    a = [[[0.0, 0.0] for _ in n2] for _ in n1]
    for s in st:
        a[n1.index(s[v1])][n2.index(s[v2])][s['agreement']] += 1
    return a

def two_mode(st, v1, v2, agg, norm):
    n1, n2 = labels(st, v1), labels(st, v2)
    a = array(st, n1, n2, v1, v2)
    m = [[0.0] * len(n2) for _ in n1]
    for i in range(len(n1)):
        for j in range(len(n2)):
            if agg == 'combine':
                m[i][j] = (2 if a[i][j][0] > 0 else 0) + (1 if a[i][j][1] > 0 else 0)
            elif agg == 'ignore':
                m[i][j] = a[i][j][0] + a[i][j][1]
            elif agg == 'subtract':
                m[i][j] = a[i][j][1] - a[i][j][0]
    if norm == 'activity':
        for i in range(len(n1)):
            den = sum(m[i]) if agg == 'ignore' else sum(sum(x) for x in a[i])
            m[i] = [x / den if den else 0 for x in m[i]]
    if norm == 'prominence':
        for j in range(len(n2)):
            den = sum(m[i][j] for i in range(len(n1))) if agg == 'ignore' else sum(sum(a[i][j]) for i in range(len(n1)))
            for i in range(len(n1)):
                m[i][j] = m[i][j] / den if den else 0
    return n1, n2, m

def one_mode(st, v1, v2, agg, norm):
    n1, n2 = labels(st, v1), labels(st, v2)
    a = array(st, n1, n2, v1, v2)
    n = len(n1)
    m = [[0.0] * n for _ in range(n)]
    for i1 in range(n):
        for i2 in range(n):
            if i1 == i2:
                continue
            v = 0.0
            for j in range(len(n2)):
                x, y = a[i1][j], a[i2][j]
                if agg == 'ignore':
                    v += sum(x) * sum(y)
                else:
                    cong = x[0] * y[0] + x[1] * y[1]
                    conf = x[0] * y[1] + x[1] * y[0]
                    v += {'congruence': cong, 'conflict': conf, 'subtract': cong - conf}[agg]
            t1 = sum(sum(x) for x in a[i1]); t2 = sum(sum(x) for x in a[i2])
            if norm == 'no':
                d = 1.0
            elif norm == 'average':
                d = (t1 + t2) / 2
            elif norm == 'cosine':
                d = t1 * t2
            elif norm == 'jaccard':
                m10 = m01 = m11 = 0.0
                for j in range(len(n2)):
                    for k in range(2):
                        if a[i2][j][k] == 0: m10 += a[i1][j][k]
                        if a[i1][j][k] == 0: m01 += a[i2][j][k]
                        if a[i1][j][k] > 0 and a[i2][j][k] > 0: m11 += a[i1][j][k] * a[i2][j][k]
                d = m01 + m10 + m11
            m[i1][i2] = v / d if d else 0
    return n1, n1, m

def show(title, res):
    r, c, m = res
    print(f'## {title}')
    print('columns:', c)
    for i, name in enumerate(r):
        print(repr(name), [round(x, 6) for x in m[i]])
    print()

if __name__ == '__main__':
    st = load()
    print(len(st), 'DNA Statement statements;', sum(1 for s in st if s['organization'] and s['concept']), 'with organization and concept')
    for dup in ('include', 'document'):
        f = filter_statements(st, 'organization', 'concept', 'ignore', dup)
        show(f'twomode ignore no, duplicates {dup} ({len(f)} statements)', two_mode(f, 'organization', 'concept', 'ignore', 'no'))
        f = filter_statements(st, 'organization', 'concept', 'congruence', dup)
        show(f'onemode congruence no, duplicates {dup} ({len(f)} statements)', one_mode(f, 'organization', 'concept', 'congruence', 'no'))
        show(f'onemode congruence average, duplicates {dup}', one_mode(f, 'organization', 'concept', 'congruence', 'average'))
    f = filter_statements(st, 'organization', 'concept', 'combine', 'include')
    show('twomode combine', two_mode(f, 'organization', 'concept', 'combine', 'no'))
    f = filter_statements(st, 'organization', 'concept', 'subtract', 'include')
    show('onemode subtract jaccard', one_mode(f, 'organization', 'concept', 'subtract', 'jaccard'))
