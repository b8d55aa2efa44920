// Drives the real `copydesk lsp` binary with Microsoft's vscode-jsonrpc and
// vscode-languageserver-protocol clients. Positions are checked with
// vscode-languageserver-textdocument (UTF-16, as VS Code counts) and by bytes
// for negotiated utf-8. Usage: node server.test.js /path/to/copydesk
'use strict';
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const rpc = require('vscode-jsonrpc/node');
const proto = require('vscode-languageserver-protocol');
const { TextDocument } = require('vscode-languageserver-textdocument');

const BINARY = process.argv[2];
if (!BINARY) throw new Error('usage: node server.test.js COPYDESK_BINARY');

const ARTICLE = [
  '# Café news 😀',
  '',
  'Zoë Brandt runs the café in Orléans 😀. "We will win," Jane Smith said. The hall emptied.',
  '',
  '"We will win."',
  '',
  'John Kelly, the mayor, spoke first. "The budget is sound," he said. "We have no debt."',
  '',
].join('\n');

/* A server process with a JSON-RPC connection; collects notifications. */
function start(env) {
  const child = spawn(BINARY, ['lsp'], { env: { ...process.env, ...(env || {}) }, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  const inbox = [];
  conn.onNotification((method, params) => {
    const msg = { method, params };
    const i = waiters.findIndex((w) => w.match(msg));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(msg);
    else inbox.push(msg);
  });
  const configRequests = [];
  conn.onRequest('workspace/configuration', (params) => {
    configRequests.push(params);
    return [{ codeLens: false }];
  });
  conn.onRequest(() => null); // refresh requests
  conn.listen();
  function next(match, what) {
    const i = inbox.findIndex(match);
    if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for ' + what)), 20000);
      waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }
  const diagnostics = (uri, version) =>
    next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      `diagnostics for ${uri} v${version}`).then((m) => m.params.diagnostics);
  return { child, conn, exited, next, diagnostics, inbox, configRequests };
}

async function initialize(s, capabilities, initializationOptions) {
  const result = await s.conn.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities: capabilities || {}, initializationOptions,
  });
  await s.conn.sendNotification(proto.InitializedNotification.type, {});
  return result;
}

async function stop(s) {
  await s.conn.sendRequest(proto.ShutdownRequest.type);
  await s.conn.sendNotification(proto.ExitNotification.type);
  assert.equal(await s.exited, 0);
  s.conn.dispose();
}

function open(s, uri, text, version = 0, languageId = 'markdown') {
  return s.conn.sendNotification(proto.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('lifecycle and capabilities', async () => {
  const s = start();
  await assert.rejects(s.conn.sendRequest(proto.HoverRequest.type, { textDocument: { uri: 'untitled:x' }, position: { line: 0, character: 0 } }),
    (e) => e.code === -32002);
  const init = await initialize(s, { textDocument: { diagnostic: {} } });
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  assert.equal(init.capabilities.textDocumentSync.change, proto.TextDocumentSyncKind.Incremental);
  assert.ok(init.capabilities.diagnosticProvider);
  await assert.rejects(s.conn.sendRequest('copydesk/unknown', {}), (e) => e.code === proto.ErrorCodes.MethodNotFound);
  await s.conn.sendNotification('copydesk/unknownNotification', {});
  await s.conn.sendRequest(proto.ShutdownRequest.type);
  await assert.rejects(s.conn.sendRequest(proto.DocumentSymbolRequest.type, { textDocument: { uri: 'untitled:x' } }),
    (e) => e.code === proto.ErrorCodes.InvalidRequest);
  await s.conn.sendNotification(proto.ExitNotification.type);
  assert.equal(await s.exited, 0);
  s.conn.dispose();
  const t = start();
  await initialize(t, {});
  await t.conn.sendNotification(proto.ExitNotification.type);
  assert.equal(await t.exited, 1); // exit without shutdown
  t.conn.dispose();
});

test('UTF-16 ranges on lines with emoji and accents', async () => {
  const s = start();
  await initialize(s, { textDocument: { publishDiagnostics: { relatedInformation: true } } });
  const uri = 'file:///tmp/story.md';
  await open(s, uri, ARTICLE);
  const doc = TextDocument.create(uri, 'markdown', 0, ARTICLE);
  const diags = await s.diagnostics(uri, 0);
  const un = diags.filter((d) => d.code === 'quote.unattributed');
  assert.ok(un.length >= 1, 'the quote alone in its paragraph is unattributed');
  assert.equal(doc.getText(un[0].range), '"We will win."');
  assert.equal(un[0].range.start.line, 4);
  assert.equal(un[0].source, 'copydesk');
  for (const d of diags) {
    const text = doc.getText(d.range);
    assert.ok(text.length > 0 && !/^[\uDC00-\uDFFF]/.test(text) && !/[\uD800-\uDBFF]$/.test(text), 'never splits a surrogate pair');
  }
  // Hover the attributed quote after the emoji on line 2.
  const at = doc.positionAt(ARTICLE.indexOf('We will win,'));
  const hover = await s.conn.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position: at });
  assert.match(hover.contents.value, /Jane Smith/);
  assert.equal(doc.getText(hover.range), '"We will win,"');
  await stop(s);
});

test('negotiated utf-8 positions are bytes', async () => {
  const s = start();
  const init = await initialize(s, { general: { positionEncodings: ['utf-8', 'utf-16'] } });
  assert.equal(init.capabilities.positionEncoding, 'utf-8');
  const uri = 'untitled:utf8';
  await open(s, uri, ARTICLE);
  const diags = await s.diagnostics(uri, 0);
  const lines = ARTICLE.split('\n').map((l) => Buffer.from(l, 'utf8'));
  const un = diags.find((d) => d.code === 'quote.unattributed');
  assert.ok(un);
  const line = lines[un.range.start.line];
  assert.equal(line.subarray(un.range.start.character, un.range.end.character).toString('utf8'), '"We will win."');
  // After the emoji and accents on line 2, characters are bytes.
  const l2 = lines[2];
  const col = l2.indexOf(Buffer.from('We will win,'));
  const hover = await s.conn.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: col } });
  assert.equal(hover.range.start.line, 2);
  assert.equal(l2.subarray(hover.range.start.character, hover.range.end.character).toString('utf8'), '"We will win,"');
  await stop(s);
});

function rand(seed) {
  let x = seed >>> 0;
  return () => { x = (x * 1664525 + 1013904223) >>> 0; return x / 4294967296; };
}

test('random incremental edits match a fresh analysis', async () => {
  const s = start();
  await initialize(s, {});
  const uri = 'untitled:edits';
  let doc = TextDocument.create(uri, 'markdown', 0, ARTICLE);
  await open(s, uri, ARTICLE);
  const r = rand(42);
  const pieces = ['"', 'We will win', ', Jane Smith said.', '\n\n', '😀', 'é', 'e\u0301', ' ', 'Kelly', '“', '”', ' he said. '];
  let version = 0;
  for (let round = 0; round < 15; round++) {
    for (let k = 0; k < 1 + Math.floor(r() * 10); k++) {
      version += 1 + Math.floor(r() * 2);
      const text = doc.getText();
      let a = Math.floor(r() * (text.length + 1));
      let b = Math.min(text.length, a + Math.floor(r() * 8));
      // Never cut a surrogate pair: an editor cannot.
      if (a > 0 && /[\uDC00-\uDFFF]/.test(text[a] || '')) a--;
      if (b > 0 && /[\uDC00-\uDFFF]/.test(text[b] || '')) b++;
      const ins = pieces[Math.floor(r() * pieces.length)] + (r() < 0.3 ? pieces[Math.floor(r() * pieces.length)] : '');
      const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
      const change = r() < 0.5 ? { range, rangeLength: b - a, text: ins } : { range, text: ins };
      const changes = r() < 0.05 ? [{ text: text + ins }] : [change];
      doc = TextDocument.update(doc, changes, version);
      await s.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    }
    const edited = await s.diagnostics(uri, version);
    const freshUri = `untitled:fresh${round}`;
    await open(s, freshUri, doc.getText(), 1);
    const fresh = await s.diagnostics(freshUri, 1);
    assert.deepEqual(edited, fresh, `round ${round}`);
    await s.conn.sendNotification(proto.DidCloseTextDocumentNotification.type, { textDocument: { uri: freshUri } });
    s.inbox.length = 0;
  }
  await stop(s);
});

test('hover, code actions applied, inlay hints, symbols, code lens', async () => {
  const s = start();
  await initialize(s, {
    textDocument: {
      hover: { contentFormat: ['markdown'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    },
  });
  const uri = 'file:///tmp/story.md';
  await open(s, uri, ARTICLE, 3);
  const doc = TextDocument.create(uri, 'markdown', 3, ARTICLE);
  const diags = await s.diagnostics(uri, 3);
  const un = diags.find((d) => d.code === 'quote.unattributed');
  const hover = await s.conn.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position: un.range.start });
  assert.match(hover.contents.value, /No speaker found/);
  const actions = await s.conn.sendRequest(proto.CodeActionRequest.type, { textDocument: { uri }, range: un.range, context: { diagnostics: [un] } });
  for (const a of actions) {
    assert.equal(a.kind, 'quickfix');
    assert.ok(a.diagnostics.length === 1 && a.diagnostics[0].code, 'each action carries its diagnostic');
    const edits = a.edit.changes[uri];
    const applied = TextDocument.applyEdits(doc, edits);
    assert.notEqual(applied, ARTICLE);
  }
  const ignore = actions.find((a) => a.diagnostics[0].code === 'quote.unattributed' && /Ignore/.test(a.title));
  assert.ok(ignore);
  const fixed = TextDocument.applyEdits(doc, ignore.edit.changes[uri]);
  assert.ok(fixed.includes('<!-- copydesk-disable-next-line quote.unattributed -->\n"We will win."'));
  await s.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ text: fixed }] });
  const after = await s.diagnostics(uri, 4);
  assert.equal(after.filter((d) => d.code === 'quote.unattributed').length, un ? diags.filter((d) => d.code === 'quote.unattributed').length - 1 : 0);
  await s.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [{ text: ARTICLE }] });
  await s.diagnostics(uri, 5);

  const hints = await s.conn.sendRequest(proto.InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
  const labels = hints.map((h) => `${h.position.line}:${h.label}`);
  assert.ok(labels.includes('2:— Jane Smith'), labels.join(', '));
  assert.ok(labels.includes('4:— no speaker'), labels.join(', '));
  const janeHint = hints.find((h) => h.label === '— Jane Smith');
  assert.equal(doc.getText({ start: { line: 2, character: 0 }, end: janeHint.position }).endsWith('"We will win,"'), true);

  const symbols = await s.conn.sendRequest(proto.DocumentSymbolRequest.type, { textDocument: { uri } });
  const jane = symbols.find((x) => x.name === 'Jane Smith');
  assert.ok(jane && jane.children.length === 1);
  assert.ok(symbols.find((x) => x.name === 'Unattributed'));

  const lenses = await s.conn.sendRequest(proto.CodeLensRequest.type, { textDocument: { uri } });
  assert.equal(lenses.length, 1);
  assert.match(lenses[0].command.title, /^\d+ quotes? · \d+ unattributed · \d+ sources?$/);
  assert.equal(lenses[0].range.start.line, 0);
  await stop(s);
});

test('configuration: initializationOptions, workspace/configuration, bad settings', async () => {
  const s = start();
  await initialize(s, { workspace: { configuration: true } }, { inlayHints: false, rules: { 'quote.unattributed': 'loud' } });
  const msg = await s.next((m) => m.method === 'window/showMessage', 'showMessage');
  assert.match(msg.params.message, /quote\.unattributed|rules/);
  const uri = 'untitled:cfg';
  await open(s, uri, ARTICLE);
  const hints = await s.conn.sendRequest(proto.InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
  assert.equal(hints.length, 0);
  // Our configuration handler answered {codeLens: false}: the lens goes away.
  await s.diagnostics(uri, 0);
  await s.diagnostics(uri, 0);
  assert.equal(s.configRequests[0].items[0].section, 'copydesk');
  const lenses = await s.conn.sendRequest(proto.CodeLensRequest.type, { textDocument: { uri } });
  assert.equal(lenses.length, 0);
  await s.conn.sendNotification(proto.DidChangeConfigurationNotification.type, { settings: { copydesk: { rules: { 'quote.unattributed': 'error' } } } });
  const d = await s.diagnostics(uri, 0);
  assert.equal(d.find((x) => x.code === 'quote.unattributed').severity, proto.DiagnosticSeverity.Error);
  await stop(s);
});

test('cancellation', async () => {
  const s = start();
  await initialize(s, {});
  // A big article keeps the server busy while the request and its cancellation queue up.
  const big = (ARTICLE + '\n').repeat(4000);
  await open(s, 'untitled:big', big);
  await open(s, 'untitled:small', ARTICLE);
  const source = new rpc.CancellationTokenSource();
  const pending = s.conn.sendRequest(proto.DocumentSymbolRequest.type, { textDocument: { uri: 'untitled:small' } }, source.token);
  source.cancel();
  await assert.rejects(pending, (e) => e.code === proto.LSPErrorCodes.RequestCancelled);
  await stop(s);
});

test('bad input keeps the server serving', async () => {
  const child = spawn(BINARY, ['lsp'], { env: { ...process.env, COPYDESK_LSP_MAX_MESSAGE: '2048' }, stdio: ['pipe', 'pipe', 'ignore'] });
  const reader = new rpc.StreamMessageReader(child.stdout);
  const got = [];
  let wake = null;
  reader.listen((m) => { got.push(m); if (wake) wake(); });
  const nextMsg = async () => {
    while (got.length === 0) await new Promise((r) => { wake = r; });
    return got.shift();
  };
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const send = (s) => child.stdin.write(s);
  send(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } })));
  assert.ok((await nextMsg()).result.capabilities);
  send(frame('{"jsonrpc":"2.0","id":2,"method":'));
  let m = await nextMsg();
  assert.equal(m.error.code, -32700);
  assert.equal(m.id, null);
  send(frame('{"jsonrpc":"2.0","id":3,"method":7}'));
  m = await nextMsg();
  assert.equal(m.error.code, -32600);
  assert.equal(m.id, 3);
  send('Content-Length: nope\r\n\r\n{}');
  m = await nextMsg();
  assert.equal(m.error.code, -32700);
  send(frame(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'textDocument/didOpen', params: { text: 'x'.repeat(5000) } })));
  m = await nextMsg();
  assert.equal(m.id, 4);
  assert.match(m.error.message, /limit/);
  send(frame(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:a' } } })));
  m = await nextMsg();
  assert.equal(m.error.code, -32602);
  send(frame(JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'shutdown', params: null })));
  m = await nextMsg();
  assert.equal(m.id, 6);
  assert.equal(m.result, null);
  send(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
  const code = await new Promise((r) => child.on('exit', r));
  assert.equal(code, 0);
  reader.dispose();
});

let finished = false;
// A promise nobody settles lets Node exit quietly with status 0: count that as failure.
process.on('exit', (code) => {
  if (!finished) {
    console.log('not ok - the test run stopped early (an awaited promise never settled)');
    process.exitCode = 1;
  }
});

(async () => {
  let failed = 0;
  const only = process.env.COPYDESK_NODE_TEST;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    try {
      await t.fn();
      console.log(`ok - ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}\n${e && e.stack ? e.stack : e}`);
    }
  }
  console.log(failed ? `${failed} of ${tests.length} failed` : `all ${tests.length} passed`);
  finished = true;
  process.exit(failed ? 1 : 0);
})();
