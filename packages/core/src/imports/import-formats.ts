/**
 * Reading lists of identifiers for bulk import into the registry: CSV with a header, plain lists (one
 * per line), hosts files and AdGuard filter lists. Pure: each line gives an entry or a reason it was
 * skipped, so an import can report exactly what it did with every line.
 */
export type ImportFormat = 'csv' | 'list' | 'hosts' | 'adguard';

export interface ImportEntry {
  line: number;
  input: string;
  kind?: string;
  scamMethod?: string;
  note?: string;
  evidenceUrl?: string;
}

export type ImportLine =
  { ok: true; entry: ImportEntry } | { ok: false; line: number; code: string; message: string } | null;

const COLUMN_ALIASES: Record<string, keyof Omit<ImportEntry, 'line'>> = {
  value: 'input',
  identifier: 'input',
  input: 'input',
  indicator: 'input',
  url: 'input',
  domain: 'input',
  host: 'input',
  phone: 'input',
  kind: 'kind',
  type: 'kind',
  scam_method: 'scamMethod',
  method: 'scamMethod',
  note: 'note',
  description: 'note',
  evidence_url: 'evidenceUrl',
  evidence: 'evidenceUrl',
};

/** Splits one CSV record (RFC 4180: quotes, doubled quotes, commas inside quotes). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** A reader for one format: feed it lines in order; it returns an entry, a skip with a reason, or null for blank and comment lines. */
export function createLineReader(format: ImportFormat): (text: string, line: number) => ImportLine {
  let columns: Array<keyof Omit<ImportEntry, 'line'> | null> | null = null;
  return (raw, line) => {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (!text) return null;
    switch (format) {
      case 'list':
        return text.startsWith('#') ? null : { ok: true, entry: { line, input: text } };
      case 'hosts': {
        if (text.startsWith('#')) return null;
        const [address, host] = text.replace(/#.*$/, '').trim().split(/\s+/);
        if (!host)
          return { ok: false, line, code: 'import.hosts_line', message: 'Expected "<address> <host>"' };
        if (!/^(0\.0\.0\.0|127\.0\.0\.1|::1?|::)$/.test(address ?? '')) {
          return {
            ok: false,
            line,
            code: 'import.hosts_address',
            message: `Not a blocking address: ${address}`,
          };
        }
        if (host === 'localhost' || host === '0.0.0.0') return null;
        return { ok: true, entry: { line, input: host, kind: 'domain' } };
      }
      case 'adguard': {
        if (text.startsWith('!') || text.startsWith('#') || text.startsWith('[')) return null;
        // Exceptions (@@) allow rather than block; cosmetic rules (##) hide page parts: neither is a listing.
        if (text.startsWith('@@') || text.includes('##') || text.includes('#@#')) return null;
        const match = /^\|\|([^/^$|*]+)\^?(\$.*)?$/.exec(text) ?? /^([a-z0-9.-]+\.[a-z]{2,})$/i.exec(text);
        if (!match)
          return {
            ok: false,
            line,
            code: 'import.adguard_rule',
            message: 'Only domain rules (||host^) are imported',
          };
        return { ok: true, entry: { line, input: match[1]!, kind: 'domain' } };
      }
      case 'csv': {
        const fields = splitCsvLine(text);
        if (!columns) {
          columns = fields.map((name) => COLUMN_ALIASES[name.toLowerCase().replace(/[\s-]+/g, '_')] ?? null);
          if (!columns.includes('input')) {
            return {
              ok: false,
              line,
              code: 'import.csv_header',
              message: 'The first line must name a column value (or identifier, url, domain, phone)',
            };
          }
          return null;
        }
        const entry: ImportEntry = { line, input: '' };
        columns.forEach((column, i) => {
          const value = fields[i];
          if (column && value) entry[column] = value;
        });
        if (!entry.input)
          return { ok: false, line, code: 'import.csv_empty_value', message: 'The value column is empty' };
        return { ok: true, entry };
      }
    }
  };
}
