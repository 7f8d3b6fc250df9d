#!/usr/bin/env node
// Converts a snapshot of thanglequoc/vietnamese-provinces-database (MIT) into the compact reference file
// the server ships: apps/server/src/modules/reference/data/admin-units.json.
// Update path (docs/reference-data.md): run this with the new snapshot, review the diff, commit; the
// server upserts provinces and communes at its next start because the file's version changed.
//   node scripts/import-admin-units.mjs ../shared/data/reference/admin-units
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const sourceDir = process.argv[2];
if (!sourceDir) {
  console.error(
    'usage: node scripts/import-admin-units.mjs <folder with full_json_generated_data_vn_units.json>',
  );
  process.exit(2);
}
const file = path.join(sourceDir, 'full_json_generated_data_vn_units.json');
if (!fs.existsSync(file)) {
  console.error(`missing ${file}`);
  process.exit(2);
}
const kinds = { Xã: 'xa', Phường: 'phuong', 'Đặc khu': 'dac_khu' };
const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
const provinces = [];
const communes = [];
for (const p of raw) {
  provinces.push([p.Code, p.Name, p.NameEn, p.FullName, p.FullNameEn]);
  for (const w of p.Wards) {
    const kind = kinds[w.AdministrativeUnitShortName];
    if (!kind) throw new Error(`unknown unit kind ${w.AdministrativeUnitShortName} for ${w.Code}`);
    if (w.ProvinceCode !== p.Code) throw new Error(`commune ${w.Code} names province ${w.ProvinceCode}`);
    communes.push([w.Code, p.Code, w.Name, w.NameEn, w.FullName, w.FullNameEn, kind]);
  }
}
provinces.sort((a, b) => a[0].localeCompare(b[0]));
communes.sort((a, b) => a[0].localeCompare(b[0]));
const body = JSON.stringify({ provinces, communes });
const version = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
const sourceNote = fs.existsSync(path.join(sourceDir, 'SOURCE.txt'))
  ? fs.readFileSync(path.join(sourceDir, 'SOURCE.txt'), 'utf8').trim()
  : 'thanglequoc/vietnamese-provinces-database';
const out = {
  source: `${sourceNote}. Copyright (c) 2021 Thang Le Quoc, MIT licence (see LICENSE.admin-units).`,
  version,
  columns: {
    provinces: ['code', 'name', 'nameEn', 'fullName', 'fullNameEn'],
    communes: ['code', 'provinceCode', 'name', 'nameEn', 'fullName', 'fullNameEn', 'kind'],
  },
  provinces,
  communes,
};
const target = 'apps/server/src/modules/reference/data/admin-units.json';
fs.writeFileSync(target, JSON.stringify(out) + '\n');
fs.copyFileSync(
  path.join(sourceDir, 'LICENSE'),
  'apps/server/src/modules/reference/data/LICENSE.admin-units',
);
console.log(
  `wrote ${target}: ${provinces.length} provinces, ${communes.length} communes, version ${version}`,
);
