// Runs copydesk with --format sarif and --format rdjson on articles that exercise every part of
// each format (fixes, related locations, a missing file, a configuration error, a skipped binary
// file) and validates each document against its schema. Usage: node validate.js COPYDESK DIR
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Ajv4 = require('ajv-draft-04');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { rdformatSchema } = require('@umbrelladocs/rdformat-validator');

const [binary, dir] = process.argv.slice(2);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const ajv4 = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv4);
const checkSarif = ajv4.compile(sarifSchema);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const checkRdjson = ajv.compile(rdformatSchema);

// A scratch desk: a bad configuration next to an article with fixes and related locations.
const desk = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-schemas-'));
fs.writeFileSync(path.join(desk, '.copydesk.json'), '{"rules": {"quote.unattributed": "loud"}}');
fs.copyFileSync(path.join(dir, 'examples', 'article.md'), path.join(desk, 'article.md'));

const runs = [
  ['ferry', ['--no-config', path.join(dir, 'tests/integration/golden/ferry.txt')]],
  ['article with fixes', ['--no-config', path.join(dir, 'examples/article.md')]],
  ['directory with a binary file', ['--no-config', path.join(dir, 'tests/integration/golden/walk')]],
  ['missing file', ['--no-config', 'no-such-article.md', path.join(dir, 'tests/integration/golden/ferry.txt')]],
  ['configuration error', [path.join(desk, 'article.md')]],
  ['the record (related locations in other files)',
   ['--no-config', '--sources', path.join(dir, 'tests/fixtures/record/interview-ruiz.txt'),
    '--sources', path.join(dir, 'tests/fixtures/record/press-release.txt'),
    path.join(dir, 'tests/fixtures/record/dredging.txt')]],
];

let failed = 0;
for (const [format, check] of [['sarif', checkSarif], ['rdjson', checkRdjson]]) {
  for (const [name, args] of runs) {
    const r = spawnSync(binary, ['check', '--format', format, ...args], { encoding: 'utf8' });
    let doc;
    try {
      doc = JSON.parse(r.stdout);
    } catch (e) {
      console.error(`${format}, ${name}: not JSON (${e.message}); exit ${r.status}\n${r.stderr}`);
      failed++;
      continue;
    }
    const count = format === 'sarif' ? doc.runs[0].results.length : doc.diagnostics.length;
    if (!check(doc)) {
      console.error(`${format}, ${name}: invalid:\n${JSON.stringify(check.errors.slice(0, 3), null, 1)}`);
      failed++;
    } else if (count === 0) {
      console.error(`${format}, ${name}: no findings to validate`);
      failed++;
    } else {
      console.log(`${format}, ${name}: valid (${count} findings)`);
    }
  }
}
// The validators reject what they should (so a pass above means something).
if (checkSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })) {
  console.error('the SARIF schema accepted a driver without a name');
  failed++;
}
if (checkRdjson({ diagnostics: [{ message: 'm', location: { path: 'a', range: { start: { line: 0 } } } }] })) {
  console.error('the rdjson schema accepted line 0');
  failed++;
}
fs.rmSync(desk, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
