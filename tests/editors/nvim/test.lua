-- Headless Neovim with only editors/nvim (and Neovim's own runtime) on the
-- runtimepath: open tests/editors/article.md, get copydesk's diagnostics,
-- hover a quote, edit, check positions on lines with emoji, :CopydeskSources.
--
--   COPYDESK_SERVER=build/copydesk COPYDESK_PLUGIN=editors/nvim \
--   COPYDESK_ARTICLE=tests/editors/article.md \
--   nvim --headless --clean -u NONE -i NONE -n -c 'luafile tests/editors/nvim/test.lua'
--
-- Prints one line per check and "nvim: N passed, M failed"; exits non-zero on
-- any failure or after TIMEOUT_MS.
local TIMEOUT_MS = 60000
local WAIT_MS = 10000

local passed, failed = 0, 0
local function log(msg)
  io.stdout:write(msg .. '\n')
end

local function finish()
  log(string.format('nvim: %d passed, %d failed', passed, failed))
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
  vim.wait(2000, function()
    return #vim.lsp.get_active_clients() == 0
  end, 50)
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit! 1')
end

local function check(name, cond, detail)
  if cond then
    passed = passed + 1
    log('ok - ' .. name)
  else
    failed = failed + 1
    log('not ok - ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return cond
end

local function fatal(msg)
  failed = failed + 1
  log('not ok - ' .. msg)
  finish()
end

vim.defer_fn(function()
  fatal('timed out after ' .. TIMEOUT_MS .. ' ms')
end, TIMEOUT_MS)

local function env(name)
  local v = os.getenv(name)
  if v == nil or v == '' then
    fatal('environment variable ' .. name .. ' is not set')
  end
  return v
end

local function main()
  local server = vim.fn.fnamemodify(env('COPYDESK_SERVER'), ':p')
  local plugin = vim.fn.fnamemodify(env('COPYDESK_PLUGIN'), ':p'):gsub('/$', '')
  local article = env('COPYDESK_ARTICLE')

  -- Only our plugin and Neovim's runtime (for vim.lsp and filetype detection).
  vim.o.runtimepath = plugin .. ',' .. vim.env.VIMRUNTIME
  vim.o.packpath = ''
  vim.cmd('filetype on')
  local v = vim.version()
  log(string.format('# Neovim %d.%d.%d', v.major, v.minor, v.patch))
  log('# runtimepath=' .. vim.o.runtimepath)

  -- What the user is told: vim.notify (the plugin) and window/showMessage (the server).
  local notes = {}
  local notify = vim.notify
  vim.notify = function(msg, level, opts)
    table.insert(notes, msg)
    return notify(msg, level, opts)
  end
  local show_message = vim.lsp.handlers['window/showMessage']
  vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, cfg)
    table.insert(notes, result and result.message or '')
    return show_message(err, result, ctx, cfg)
  end
  local function note_matching(pattern)
    for _, n in ipairs(notes) do
      if n:find(pattern, 1, true) then
        return n
      end
    end
  end

  -- :help copydesk right after a native-package install: the help tags ship with the plugin.
  local help_ok = pcall(vim.cmd, 'help copydesk')
  check(':help copydesk finds the shipped help tags', help_ok)
  if help_ok then
    vim.cmd('helpclose')
  end
  local tagdir = vim.fn.tempname()
  vim.fn.mkdir(tagdir, 'p')
  vim.fn.writefile(vim.fn.readfile(plugin .. '/doc/copydesk.txt', 'b'), tagdir .. '/copydesk.txt', 'b')
  vim.cmd('helptags ' .. vim.fn.fnameescape(tagdir))
  local shipped = vim.fn.filereadable(plugin .. '/doc/tags') == 1 and vim.fn.readfile(plugin .. '/doc/tags') or {}
  check('doc/tags is what :helptags makes of doc/copydesk.txt (run :helptags editors/nvim/doc)',
    vim.deep_equal(vim.fn.readfile(tagdir .. '/tags'), shipped))

  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local file = dir .. '/council.md'
  vim.fn.writefile(vim.fn.readfile(article, 'b'), file, 'b')

  local copydesk = require('copydesk')
  check('require("copydesk") loads from the plugin directory',
    vim.api.nvim_get_runtime_file('lua/copydesk/init.lua', false)[1] == plugin .. '/lua/copydesk/init.lua')
  copydesk.setup({
    cmd = { server, 'lsp' },
    settings = { rules = { ['quote.attributed'] = 'info' } },
  })
  check(':CopydeskSources is defined', vim.fn.exists(':CopydeskSources') == 2)

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  check('filetype is markdown', vim.bo[bufnr].filetype == 'markdown', vim.bo[bufnr].filetype)

  local client
  vim.wait(WAIT_MS, function()
    client = copydesk.client(bufnr)
    return client ~= nil and client.initialized
  end, 20)
  if not check('the copydesk client attached and initialized', client ~= nil and client.initialized) then
    return
  end
  local caps = client.server_capabilities or client.resolved_capabilities
  check('server answered initialize (hover capability)', caps.hoverProvider or caps.hover)
  check('positions are UTF-16', client.offset_encoding == 'utf-16', client.offset_encoding)

  local function diags()
    return vim.diagnostic.get(bufnr)
  end
  local function by_code(list, code)
    local out = {}
    for _, d in ipairs(list) do
      if d.code == code then
        table.insert(out, d)
      end
    end
    return out
  end
  local function show(list)
    local parts = {}
    for _, d in ipairs(list) do
      table.insert(parts, string.format('%s@%d:%d sev=%d', tostring(d.code), d.lnum, d.col, d.severity))
    end
    return table.concat(parts, ', ')
  end

  vim.wait(WAIT_MS, function()
    return #diags() >= 3
  end, 20)
  local d = diags()
  log('# diagnostics: ' .. show(d))
  local function lens_text(buf)
    local titles = {}
    for _, lens in ipairs(vim.lsp.codelens.get(buf)) do
      table.insert(titles, lens.command and lens.command.title or '')
    end
    return table.concat(titles, ' | ')
  end
  vim.wait(WAIT_MS, function()
    return lens_text(bufnr):find('1 unattributed', 1, true) ~= nil
  end, 20)
  check('code lens drawn on attach (3 quotes, 1 unattributed)', lens_text(bufnr):find('3 quotes · 1 unattributed', 1, true) ~= nil,
    lens_text(bufnr))
  local attributed, unattributed = by_code(d, 'quote.attributed'), by_code(d, 'quote.unattributed')
  check('two quote.attributed diagnostics', #attributed == 2, show(d))
  check('one quote.unattributed diagnostic', #unattributed == 1, show(d))
  local S = vim.diagnostic.severity
  if #unattributed == 1 then
    local u = unattributed[1]
    check('quote.unattributed is a warning', u.severity == S.WARN, tostring(u.severity))
    -- line 7 (0-based 6) is '🎉 "Nobody asked us."': the quote starts after 4 bytes + a space.
    check('quote.unattributed on line 6, byte column 5 (after an emoji)', u.lnum == 6 and u.col == 5,
      u.lnum .. ':' .. u.col)
    check('source is copydesk', u.source == nil or u.source:find('copydesk') ~= nil, tostring(u.source))
  end
  local ann
  for _, a in ipairs(attributed) do
    check('quote.attributed is info (settings reached the server)', a.severity == S.INFO, tostring(a.severity))
    if a.lnum == 4 then
      ann = a
    end
  end
  -- line 4 is '🎉🎉 "The river is rising," said Ann Lee.': two emoji are 8 bytes.
  check('quote.attributed on line 4 at byte column 9 (after two emoji)', ann ~= nil and ann.col == 9,
    ann and (ann.lnum .. ':' .. ann.col) or 'missing')
  check('quote.attributed on line 4 ends at byte column 31', ann ~= nil and ann.end_col == 9 + 22,
    ann and tostring(ann.end_col) or 'missing')

  -- Hover, as K does: the floating window must name the speaker.
  local function hover_text(line, col)
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        vim.api.nvim_win_close(w, true)
      end
    end
    vim.api.nvim_win_set_cursor(0, { line + 1, col })
    vim.lsp.buf.hover()
    local text
    vim.wait(WAIT_MS, function()
      for _, w in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(w).relative ~= '' then
          text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n')
          return true
        end
      end
      return false
    end, 20)
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then
        vim.api.nvim_win_close(w, true)
      end
    end
    return text or ''
  end
  local h = hover_text(2, 5)
  log('# hover 2:5: ' .. vim.inspect(h))
  check('hover on the first quote names Jane Doe', h:find('Jane Doe', 1, true) ~= nil, h)
  h = hover_text(4, 12) -- byte 12 is inside "The river is rising," (UTF-16 column 8)
  log('# hover 4:12: ' .. vim.inspect(h))
  check('hover on the quote after two emoji names Ann Lee', h:find('Ann Lee', 1, true) ~= nil, h)
  check('hover on line 4 is not about Jane Doe', h:find('Jane Doe', 1, true) == nil, h)

  -- :CopydeskSources
  vim.cmd('CopydeskSources')
  local items = {}
  vim.wait(WAIT_MS, function()
    items = vim.fn.getloclist(0)
    return #items >= 3
  end, 20)
  local texts = {}
  for _, it in ipairs(items) do
    table.insert(texts, string.format('%d:%d %s', it.lnum, it.col, it.text))
  end
  log('# location list: ' .. table.concat(texts, ' | '))
  local function find_item(pattern)
    for _, it in ipairs(items) do
      if it.text:find(pattern, 1, true) then
        return it
      end
    end
  end
  local jane, annitem = find_item('Jane Doe'), find_item('Ann Lee')
  check(':CopydeskSources lists Jane Doe and her quote', jane ~= nil and jane.text:find('build the bridge', 1, true) ~= nil)
  check(':CopydeskSources lists Ann Lee at line 5, column 10', annitem ~= nil and annitem.lnum == 5 and annitem.col == 10,
    annitem and (annitem.lnum .. ':' .. annitem.col) or 'missing')
  check(':CopydeskSources lists the unattributed quote', find_item('Nobody asked us') ~= nil)
  if vim.fn.getloclist(0, { winid = 0 }).winid ~= 0 then
    vim.cmd('lclose')
  end
  vim.api.nvim_set_current_buf(bufnr)

  -- Edit: '"Nobody asked us."' (line 6, bytes 5..23) becomes '"Nobody asked us," said Bo Chen.'
  local line6 = vim.api.nvim_buf_get_lines(bufnr, 6, 7, false)[1]
  check('line 6 is as expected before the edit', line6:sub(6, 23) == '"Nobody asked us."', line6)
  vim.api.nvim_buf_set_text(bufnr, 6, 5, 6, 23, { '"Nobody asked us," said Bo Chen.' })
  vim.wait(WAIT_MS, function()
    local now = diags()
    return #by_code(now, 'quote.unattributed') == 0 and #by_code(now, 'quote.attributed') == 3
  end, 20)
  d = diags()
  log('# diagnostics after the edit: ' .. show(d))
  check('after the edit: no quote.unattributed', #by_code(d, 'quote.unattributed') == 0, show(d))
  local bo
  for _, a in ipairs(by_code(d, 'quote.attributed')) do
    if a.lnum == 6 then
      bo = a
    end
  end
  check('after the edit: the fixed quote is attributed at line 6, byte column 5', bo ~= nil and bo.col == 5,
    show(d))
  vim.wait(WAIT_MS, function()
    return lens_text(bufnr):find('0 unattributed', 1, true) ~= nil
  end, 20)
  check('code lens refreshed after the edit (0 unattributed)', lens_text(bufnr):find('0 unattributed', 1, true) ~= nil,
    lens_text(bufnr))
  h = hover_text(6, 8)
  log('# hover 6:8: ' .. vim.inspect(h))
  check('hover on the fixed quote names Bo Chen', h:find('Bo Chen', 1, true) ~= nil, h)

  -- A plain-text buffer attaches to the same server.
  local txt = dir .. '/notes.txt'
  vim.fn.writefile({ '"It is late," said Ann Lee.', '', '"Who knows?"' }, txt)
  vim.cmd('edit ' .. vim.fn.fnameescape(txt))
  local tbuf = vim.api.nvim_get_current_buf()
  vim.wait(WAIT_MS, function()
    return #vim.diagnostic.get(tbuf) >= 2
  end, 20)
  local td = vim.diagnostic.get(tbuf)
  log('# text diagnostics: ' .. show(td))
  check('text buffer: attached to the same client', copydesk.client(tbuf) ~= nil and copydesk.client(tbuf).id == client.id)
  check('text buffer: quote.unattributed reported', #by_code(td, 'quote.unattributed') == 1, show(td))

  -- The record: `sources` in the settings (relative to the workspace root), changed with
  -- set_settings (workspace/didChangeConfiguration); go to definition on a quote opens the
  -- transcript at the passage.
  vim.fn.mkdir(dir .. '/transcripts', 'p')
  local transcript = dir .. '/transcripts/ruiz.txt'
  vim.fn.writefile({ '[00:00:12] RUIZ: We will not raise mooring fees to pay for it, I can promise that.',
    '[00:00:40] Q: Thank you.' }, transcript)
  copydesk.set_settings({ rules = { ['quote.attributed'] = 'info' }, sources = { 'transcripts' } })
  local fees = dir .. '/fees.md'
  vim.fn.writefile({ 'Fees stay', '',
    '"We will not raise mooring fees to pay for it, I can guarantee that," Ana Ruiz said.' }, fees)
  vim.cmd('edit ' .. vim.fn.fnameescape(fees))
  local fbuf = vim.api.nvim_get_current_buf()
  local function altered()
    return by_code(vim.diagnostic.get(fbuf), 'quote.altered')
  end
  vim.wait(WAIT_MS, function()
    return #altered() == 1
  end, 20)
  local alt = altered()
  check("sources in the settings: quote.altered says 'guarantee' here, 'promise' in the transcript",
    #alt == 1 and alt[1].message:find("'guarantee' here, 'promise' in ruiz.txt", 1, true) ~= nil,
    show(vim.diagnostic.get(fbuf)))
  local answers = vim.lsp.buf_request_sync(fbuf, 'textDocument/definition',
    { textDocument = { uri = vim.uri_from_bufnr(fbuf) }, position = { line = 2, character = 5 } }, WAIT_MS)
  local loc
  for _, answer in pairs(answers or {}) do
    loc = answer.result or loc
  end
  if loc ~= nil and loc.uri == nil then
    loc = loc[1] -- a list of locations
  end
  check('go to definition on the quote: the transcript, after "[00:00:12] RUIZ: "',
    loc ~= nil and loc.uri == vim.uri_from_fname(vim.fn.resolve(transcript)) and loc.range.start.line == 0
      and loc.range.start.character == 17, vim.inspect(loc))
  copydesk.set_settings({ rules = { ['quote.attributed'] = 'info' } })
  vim.wait(WAIT_MS, function()
    return #altered() == 0 and #vim.diagnostic.get(fbuf) > 0
  end, 20)
  check('sources dropped from the settings: no quote.altered', #altered() == 0 and #vim.diagnostic.get(fbuf) > 0,
    show(vim.diagnostic.get(fbuf)))
  vim.cmd('buffer ' .. tbuf)

  -- A .copydesk.json written beside the articles (say by `git pull`) applies at the next change,
  -- without a restart: Neovim 0.7 cannot watch files for the server.
  local function severity_of(buf, code)
    local found = by_code(vim.diagnostic.get(buf), code)
    return #found > 0 and found[1].severity or nil
  end
  local function type_line(buf, text)
    vim.api.nvim_buf_set_lines(buf, -1, -1, false, { text })
  end
  local config = dir .. '/.copydesk.json'
  -- Writes the file, types a line (the next change), and checks the severity it gives.
  local function applies(name, json, line, severity)
    vim.fn.writefile({ json }, config)
    type_line(tbuf, line)
    vim.wait(WAIT_MS, function()
      return severity_of(tbuf, 'quote.unattributed') == severity
    end, 20)
    check(name, severity_of(tbuf, 'quote.unattributed') == severity, show(vim.diagnostic.get(tbuf)))
  end
  applies('a new .copydesk.json applies at the next change (quote.unattributed is an error)',
    '{ "rules": { "quote.unattributed": "error" } }', 'More notes.', S.ERROR)
  applies('a changed .copydesk.json applies at the next change (quote.unattributed is info)',
    '{ "rules": { "quote.unattributed": "info" } }', 'Even more notes.', S.INFO)

  -- A file that is not JSON: none of it applies, and the message says so.
  vim.fn.writefile({ '{ "rules": { "quote.unattributed": "error" }' }, config)
  type_line(tbuf, 'Last notes.')
  vim.wait(WAIT_MS, function()
    return note_matching('none of it applies') ~= nil and severity_of(tbuf, 'quote.unattributed') == S.WARN
  end, 20)
  check('malformed .copydesk.json: none of it applies (quote.unattributed back to a warning)',
    severity_of(tbuf, 'quote.unattributed') == S.WARN, show(vim.diagnostic.get(tbuf)))
  local malformed = note_matching('invalid JSON')
  check('malformed .copydesk.json: the message says none of the file applies',
    malformed ~= nil and malformed:find('none of it applies', 1, true) ~= nil
      and malformed:find('the rest applies', 1, true) == nil, malformed)

  -- The configuration file itself gets diagnostics.
  vim.fn.writefile({ '{', '  "rules": { "quote.unatributed": "error" }', '}' }, config)
  vim.cmd('edit ' .. vim.fn.fnameescape(config))
  local cbuf = vim.api.nvim_get_current_buf()
  vim.wait(WAIT_MS, function()
    return #vim.diagnostic.get(cbuf) > 0
  end, 20)
  local cd = vim.diagnostic.get(cbuf)
  log('# .copydesk.json diagnostics: ' .. show(cd))
  check('.copydesk.json: attached to the copydesk client', copydesk.client(cbuf) ~= nil)
  check('.copydesk.json: the unknown rule is underlined on line 1',
    #cd == 1 and cd[1].lnum == 1 and (cd[1].message or ''):find('did you mean', 1, true) ~= nil, show(cd))
  vim.api.nvim_set_current_buf(bufnr)

  -- Several buffers opened at once (`nvim -p a.md b.md c.md`): one server for their workspace,
  -- although none has finished initializing when the next one asks.
  local multi = vim.fn.tempname() -- outside `dir`, whose .copydesk.json would make it the root
  vim.fn.mkdir(multi .. '/.git', 'p')
  for _, name in ipairs({ 'a', 'b', 'c' }) do
    vim.fn.writefile({ '"We are ready," said Ann Lee.' }, multi .. '/' .. name .. '.md')
  end
  vim.cmd('tabedit ' .. multi .. '/a.md | tabedit ' .. multi .. '/b.md | tabedit ' .. multi .. '/c.md')
  local function clients_for(root)
    local ids = {}
    for _, c in pairs(vim.lsp.get_active_clients()) do
      if c.name == 'copydesk' and c.config.root_dir == root then
        table.insert(ids, c.id)
      end
    end
    return ids
  end
  local multi_bufs = {}
  for _, name in ipairs({ 'a', 'b', 'c' }) do
    table.insert(multi_bufs, vim.fn.bufnr(multi .. '/' .. name .. '.md'))
  end
  vim.wait(WAIT_MS, function()
    for _, b in ipairs(multi_bufs) do
      if #vim.diagnostic.get(b) == 0 then
        return false
      end
    end
    return true
  end, 20)
  vim.wait(500, function() return false end, 50) -- let any extra server come up
  local ids = clients_for(multi)
  check('three buffers opened together share one server', #ids == 1, vim.inspect(ids))
  check('each of the three buffers is checked',
    #vim.diagnostic.get(multi_bufs[1]) == 1 and #vim.diagnostic.get(multi_bufs[2]) == 1
      and #vim.diagnostic.get(multi_bufs[3]) == 1)
  vim.cmd('tabonly')
  vim.api.nvim_set_current_buf(bufnr)

  -- A crashed server: restarted once, with a message that names copydesk.
  local function pid_of(c)
    return c.rpc and c.rpc.pid
  end
  local first = copydesk.client(bufnr)
  local before = #notes
  vim.loop.kill(pid_of(first), 'sigkill')
  local restarted
  vim.wait(WAIT_MS, function()
    restarted = copydesk.client(bufnr)
    return restarted ~= nil and restarted.id ~= first.id and restarted.initialized
      and #by_code(diags(), 'quote.attributed') == 3
  end, 20)
  local said = nil
  for i = before + 1, #notes do
    if notes[i]:find('copydesk', 1, true) and notes[i]:find('restart', 1, true) then
      said = notes[i]
    end
  end
  check('a killed server is reported by name', said ~= nil, vim.inspect(notes))
  check('a killed server is restarted and checks the buffer again',
    restarted ~= nil and restarted.id ~= first.id and #by_code(diags(), 'quote.attributed') == 3, show(diags()))
  check('the restarted server serves the text buffer too', copydesk.client(tbuf) ~= nil
    and restarted ~= nil and copydesk.client(tbuf).id == restarted.id)
  -- A second crash is not looped on: the user is told, and :CopydeskRestart is theirs to run.
  before = #notes
  vim.loop.kill(pid_of(restarted), 'sigkill')
  vim.wait(WAIT_MS, function()
    return vim.lsp.get_client_by_id(restarted.id) == nil and #notes > before
      and note_matching('stopped again') ~= nil
  end, 20)
  vim.wait(300, function() return false end, 50)
  check('a second crash is reported and not restarted',
    note_matching('stopped again') ~= nil and note_matching(':CopydeskRestart') ~= nil and copydesk.client(bufnr) == nil,
    vim.inspect(notes))
  check(':CopydeskRestart is defined', vim.fn.exists(':CopydeskRestart') == 2)
  local old_id = restarted and restarted.id
  vim.cmd('CopydeskRestart')
  local again
  vim.wait(WAIT_MS, function()
    again = copydesk.client(bufnr)
    return again ~= nil and again.id ~= old_id and again.initialized and #by_code(diags(), 'quote.attributed') == 3
  end, 20)
  check(':CopydeskRestart starts a new server for the buffer', again ~= nil and again.id ~= old_id, show(diags()))
  vim.wait(WAIT_MS, function()
    return vim.lsp.get_client_by_id(old_id) == nil
  end, 20)
  check(':CopydeskRestart stops the old server', vim.lsp.get_client_by_id(old_id) == nil)
  client = again or client

  -- Neovim 0.8+ has vim.lsp.start, which the plugin must use there. This
  -- Neovim may not have it: stand one in that records the call, and check
  -- what the plugin passes.
  if vim.fn.has('nvim-0.8') == 0 then
    local calls = {}
    vim.lsp.start = function(config, opts)
      table.insert(calls, { config = config, opts = opts })
      return client.id
    end
    local other_root = vim.fn.tempname()
    vim.fn.mkdir(other_root .. '/.git', 'p')
    local other = other_root .. '/other.md'
    vim.fn.writefile({ '"Hello," said Ann Lee.' }, other)
    vim.cmd('edit ' .. vim.fn.fnameescape(other))
    local obuf = vim.api.nvim_get_current_buf()
    vim.lsp.start = nil
    local call = calls[1] or { config = {}, opts = {} }
    check('0.8+ path: vim.lsp.start called once for a new Markdown buffer', #calls == 1, tostring(#calls))
    check('0.8+ path: config has name, cmd, root_dir and the copydesk settings section',
      call.config.name == 'copydesk' and call.config.cmd[1] == server and call.config.root_dir ~= nil
        and call.config.settings.copydesk.rules['quote.attributed'] == 'info'
        and call.config.init_options.rules['quote.attributed'] == 'info',
      vim.inspect(call.config))
    check('0.8+ path: the buffer is given', call.opts ~= nil and call.opts.bufnr == obuf)
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  check('test script ran without error', false, err)
end
finish()
