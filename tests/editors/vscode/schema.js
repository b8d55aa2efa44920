'use strict';
// The JSON Schema for .copydesk.json that the extension contributes
// (contributes.jsonValidation) is in the .vsix, is a JSON Schema, and knows
// the settings the extension declares. Exits 77 (ctest: skipped) while
// editors/vscode/schemas/copydesk.schema.json has not been written.
//
// usage: node schema.js VSIX EXTENSION_SOURCE_DIR
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { readZip } = require('./unzip');

const [vsix, source] = process.argv.slice(2);
try {
  const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const validation = (pkg.contributes.jsonValidation || []).find((v) => v.fileMatch === '.copydesk.json');
  assert.ok(validation, 'package.json contributes a JSON schema for .copydesk.json');
  const rel = path.posix.normalize(validation.url.replace(/^\.\//, ''));
  if (!fs.existsSync(path.join(source, rel))) {
    console.log(`# ${path.join(source, rel)} is not written yet: skipped`);
    process.exit(77);
  }
  const entries = readZip(vsix);
  const data = entries.get(`extension/${rel}`);
  assert.ok(data, `the vsix has extension/${rel}`);
  const schema = JSON.parse(data.toString('utf8'));
  assert.strictEqual(schema.type, 'object', 'the schema describes an object');
  const props = schema.properties || {};
  const declared = Object.keys(pkg.contributes.configuration.properties)
    .map((k) => k.replace(/^copydesk\./, ''))
    .filter((k) => k !== 'serverPath' && k !== 'trace.server' && k !== 'files'); // the extension's own
  for (const key of declared) {
    assert.ok(props[key], `the schema knows "${key}", which the extension declares as copydesk.${key}`);
  }
  console.log('vscode schema: 1 passed, 0 failed');
} catch (err) {
  console.error(err && err.stack ? err.stack : err);
  console.error('vscode schema: 0 passed, 1 failed');
  process.exit(1);
}
