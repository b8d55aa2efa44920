-- copydesk for Neovim: starts `copydesk lsp` and attaches it to Markdown and
-- text buffers. Works on Neovim 0.7 (vim.lsp.start_client and
-- vim.lsp.buf_attach_client) and on 0.8+ (vim.lsp.start).
--
--   require('copydesk').setup({
--     cmd = { 'copydesk', 'lsp' },          -- the server command
--     filetypes = { 'markdown', 'text' },   -- buffers to check
--     settings = { rules = { ['quote.attributed'] = 'off' } },  -- the `copydesk` section
--   })
--
-- :CopydeskSources puts the article's sources and their quotes into the
-- location list of the current window; :CopydeskRestart restarts the server.
local M = {}

local defaults = {
  name = 'copydesk',
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  settings = {},
  -- A directory containing one of these is the workspace root.
  root_markers = { '.copydesk.json', '.git' },
  -- Passed on to the client as they are (0.7: start_client; 0.8+: vim.lsp.start).
  on_attach = nil,
  capabilities = nil,
  -- Open the location list after :CopydeskSources.
  open_loclist = true,
  -- Attach to `.copydesk.json` buffers too (the server reports what it would skip).
  config_files = true,
  -- Redraw the code lens (quote counts) on attach and after each check.
  code_lens = true,
}

M.config = vim.deepcopy(defaults)

-- root_dir -> { id = client id, buffers = { [bufnr] = true }, restarted = bool }: one client per
-- workspace, known from the moment it is started. (Neovim's own lists miss a client whose
-- initialize has not been answered yet, so buffers opened together would each start one.)
local roots = {}
-- Workspaces whose server crashed twice: left stopped until :CopydeskRestart.
local dormant = {}
-- Client ids being stopped on purpose (:CopydeskRestart, quitting Neovim): not a crash.
local stopping = {}
local exiting = false
-- Server commands that failed to start (reported once).
local failed_cmds = {}

local function is_empty(t)
  return t == nil or next(t) == nil
end

local function find_root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      local path = vim.fn.fnamemodify(found, ':p'):gsub('/$', '')
      return vim.fn.fnamemodify(path, ':h')
    end
  end
  return dir
end

-- The `copydesk` section the server reads, from the configured settings.
local function settings_section()
  local section = vim.deepcopy(M.config.settings or {})
  if type(section.copydesk) == 'table' then
    section = section.copydesk -- { copydesk = {...} }, as nvim-lspconfig users write it
  end
  if is_empty(section) then
    section = vim.empty_dict() -- {} and not [] on the wire
  end
  return section
end

-- The client configuration for a buffer's workspace.
function M.client_config(root_dir)
  local c = M.config
  -- The server reads the `copydesk` section: from initializationOptions, and from
  -- workspace/configuration, which Neovim answers from `settings`.
  local section = settings_section()
  local init_options = vim.deepcopy(section)
  return {
    name = c.name,
    cmd = c.cmd,
    root_dir = root_dir,
    workspace_folders = {
      { uri = vim.uri_from_fname(root_dir), name = vim.fn.fnamemodify(root_dir, ':t') },
    },
    init_options = init_options,
    settings = { copydesk = section },
    capabilities = c.capabilities,
    on_attach = function(client, bufnr)
      M.refresh_code_lens(bufnr)
      if c.on_attach ~= nil then
        c.on_attach(client, bufnr)
      end
    end,
    handlers = {
      -- The code lens counts quotes: redraw it whenever the findings change.
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
        vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, cfg)
        if result ~= nil and result.uri ~= nil then
          M.refresh_code_lens(vim.uri_to_bufnr(result.uri))
        end
      end,
    },
    on_exit = function(code, signal, client_id)
      M._on_exit(root_dir, code, signal, client_id)
    end,
    flags = { debounce_text_changes = 150 },
  }
end

-- The clients attached to a buffer (vim.lsp.get_clients from 0.10 on).
local function buf_clients(bufnr)
  if vim.lsp.get_clients ~= nil then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.lsp.buf_get_clients(bufnr)
end

local function attached(bufnr, client_id)
  for _, client in pairs(buf_clients(bufnr)) do
    if client.id == client_id then
      return true
    end
  end
  return false
end

local function is_config_file(bufnr)
  return vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':t') == '.copydesk.json'
end

-- Starts the client for a workspace; its id, or nil (told once) when the command fails.
local function start(root_dir, bufnr)
  local config = M.client_config(root_dir)
  local key = table.concat(config.cmd, ' ')
  if failed_cmds[key] then
    return nil
  end
  local id
  if vim.lsp.start ~= nil then
    id = vim.lsp.start(config, { bufnr = bufnr })
  else
    id = vim.lsp.start_client(config) -- Neovim 0.7
  end
  if id == nil then
    failed_cmds[key] = true
    vim.notify('copydesk: could not start `' .. key .. "`: install copydesk or set `cmd` in require('copydesk').setup()",
      vim.log.levels.WARN)
  end
  return id
end

--- Attaches the server to a buffer, starting it for the buffer's workspace if needed.
--- Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local root_dir = find_root(bufnr)
  local entry = roots[root_dir]
  if entry == nil or vim.lsp.get_client_by_id(entry.id) == nil then
    dormant[root_dir] = nil -- a buffer opened there: start afresh
    local id = start(root_dir, bufnr)
    if id == nil then
      return nil
    end
    entry = { id = id, buffers = {}, restarted = entry ~= nil and entry.restarted or false }
    roots[root_dir] = entry
  end
  entry.buffers[bufnr] = true
  if not attached(bufnr, entry.id) then
    vim.lsp.buf_attach_client(bufnr, entry.id)
  end
  return entry.id
end

-- Attaches every still-loaded buffer of a set again (after a restart).
local function reattach(buffers)
  for bufnr in pairs(buffers) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      M.attach(bufnr)
    end
  end
end

-- A client ended. Stopped on purpose: nothing to do. Crashed: say so, naming copydesk, and start
-- it again once; a second crash is left for the user (:CopydeskRestart), not looped on.
function M._on_exit(root_dir, code, signal, client_id)
  local entry = roots[root_dir]
  local intended = stopping[client_id] or exiting
  stopping[client_id] = nil
  if entry == nil or entry.id ~= client_id then
    return
  end
  roots[root_dir] = nil
  if intended or (code == 0 and (signal == 0 or signal == 15)) then
    return
  end
  vim.schedule(function()
    local how = string.format('exit code %s, signal %s', tostring(code), tostring(signal))
    if entry.restarted then
      dormant[root_dir] = entry
      vim.notify('copydesk: the language server stopped again (' .. how .. '); it is not restarted. '
        .. ':CopydeskRestart starts it again; the log is ' .. vim.lsp.get_log_path(), vim.log.levels.ERROR)
      return
    end
    vim.notify('copydesk: the language server stopped unexpectedly (' .. how .. '); restarting it.',
      vim.log.levels.WARN)
    reattach(entry.buffers)
    if roots[root_dir] ~= nil then
      roots[root_dir].restarted = true
    end
  end)
end

--- :CopydeskRestart: stops every copydesk client and starts them again for the same buffers.
function M.restart()
  local old = roots
  roots = {}
  for _, entry in pairs(old) do
    stopping[entry.id] = true
    vim.lsp.stop_client(entry.id)
  end
  for _, entry in pairs(dormant) do
    table.insert(old, entry)
  end
  dormant = {}
  for _, entry in pairs(old) do
    reattach(entry.buffers)
  end
end

--- Redraws the code lens of a buffer (the quote counts), where the client can.
function M.refresh_code_lens(bufnr)
  if M.config.code_lens == false or bufnr == nil or not vim.api.nvim_buf_is_loaded(bufnr)
    or is_config_file(bufnr) then
    return
  end
  if vim.fn.has('nvim-0.10') == 1 then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  elseif bufnr == vim.api.nvim_get_current_buf() then
    vim.lsp.codelens.refresh() -- before 0.10 it refreshes the current buffer only
  end
end

--- The copydesk client attached to a buffer, or nil.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  for _, entry in pairs(roots) do -- the current one first, not one still shutting down
    if entry.buffers[bufnr] and attached(bufnr, entry.id) then
      return vim.lsp.get_client_by_id(entry.id)
    end
  end
  for _, client in pairs(buf_clients(bufnr)) do
    if client.name == M.config.name then
      return client
    end
  end
  return nil
end

-- A byte column (0-based) for an LSP position in the buffer.
local function byte_col(bufnr, position, encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, position.line, position.line + 1, false)[1] or ''
  if encoding == 'utf-8' then
    return math.min(position.character, #line)
  end
  local ok, col = pcall(vim.str_byteindex, line, position.character, encoding ~= 'utf-32')
  return ok and col or #line
end

local function symbol_range(symbol)
  return symbol.selectionRange or symbol.range or (symbol.location and symbol.location.range)
end

--- Location-list items for the article's sources: one per quote, by source,
--- from the server's document symbols (a source and its quotes as children).
function M.source_items(bufnr, symbols, encoding)
  local items = {}
  local function add(source, quote)
    local range = symbol_range(quote)
    table.insert(items, {
      bufnr = bufnr,
      lnum = range.start.line + 1,
      col = byte_col(bufnr, range.start, encoding) + 1,
      text = source .. ': ' .. quote.name,
    })
  end
  for _, symbol in ipairs(symbols or {}) do
    if symbol.children ~= nil then
      for _, quote in ipairs(symbol.children) do
        add(symbol.name, quote)
      end
    elseif symbol.containerName ~= nil and symbol.containerName ~= '' then
      add(symbol.containerName, symbol) -- flat SymbolInformation: the quote names its source
    end
  end
  return items
end

--- Asks the server for the buffer's sources; calls on_done(items, err).
function M.sources(bufnr, on_done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.client(bufnr)
  if client == nil then
    on_done(nil, 'copydesk is not attached to this buffer')
    return
  end
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local function handler(err, result)
    if err ~= nil then
      on_done(nil, 'copydesk: ' .. (err.message or vim.inspect(err)))
      return
    end
    on_done(M.source_items(bufnr, result, client.offset_encoding or 'utf-16'), nil)
  end
  if vim.fn.has('nvim-0.11') == 1 then
    client:request('textDocument/documentSymbol', params, handler, bufnr)
  else
    client.request('textDocument/documentSymbol', params, handler, bufnr)
  end
end

--- Replaces the `copydesk` settings section (the shape `setup` takes) and sends it to the
--- running servers (workspace/didChangeConfiguration), which check the open articles again:
--- say, `sources` pointed at another story's transcripts.
function M.set_settings(settings)
  M.config.settings = settings or {}
  local section = settings_section()
  for _, entry in pairs(roots) do
    local client = vim.lsp.get_client_by_id(entry.id)
    if client ~= nil then
      client.config.settings = { copydesk = section } -- what workspace/configuration answers
      local params = { settings = { copydesk = vim.deepcopy(section) } }
      if vim.fn.has('nvim-0.11') == 1 then
        client:notify('workspace/didChangeConfiguration', params)
      else
        client.notify('workspace/didChangeConfiguration', params)
      end
    end
  end
end

--- :CopydeskSources
function M.sources_to_loclist(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local win = vim.api.nvim_get_current_win()
  M.sources(bufnr, function(items, err)
    if err ~= nil then
      vim.notify(err, vim.log.levels.WARN)
      return
    end
    if not vim.api.nvim_win_is_valid(win) then
      return
    end
    vim.fn.setloclist(win, {}, ' ', { title = 'copydesk sources', items = items })
    if #items == 0 then
      vim.notify('copydesk: no quotes in this article', vim.log.levels.INFO)
    elseif M.config.open_loclist then
      vim.api.nvim_win_call(win, function()
        vim.cmd('lopen')
      end)
    end
  end)
end

function M.setup(opts)
  failed_cmds = {}
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  if opts ~= nil and opts.filetypes ~= nil then
    M.config.filetypes = opts.filetypes -- a list replaces the default, not merges into it
  end
  if opts ~= nil and opts.cmd ~= nil then
    M.config.cmd = opts.cmd
  end
  local group = vim.api.nvim_create_augroup('copydesk', { clear = true })
  if #M.config.filetypes > 0 then -- none: the server is started elsewhere (nvim-lspconfig)
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        M.attach(args.buf)
      end,
      desc = 'copydesk: attach the language server',
    })
    if M.config.config_files then
      -- The server checks `.copydesk.json` itself: what it would skip, underlined as you type.
      vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
        group = group,
        pattern = '.copydesk.json',
        callback = function(args)
          M.attach(args.buf)
        end,
        desc = 'copydesk: check the configuration file',
      })
    end
  end
  vim.api.nvim_create_autocmd('VimLeavePre', {
    group = group,
    callback = function()
      exiting = true
    end,
  })
  vim.api.nvim_create_user_command('CopydeskSources', function()
    M.sources_to_loclist(0)
  end, { desc = "copydesk: the article's sources and their quotes in the location list" })
  vim.api.nvim_create_user_command('CopydeskRestart', function()
    M.restart()
  end, { desc = 'copydesk: restart the language server' })
  -- Buffers that already have their filetype.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and #M.config.filetypes > 0
      and (vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype)
        or (M.config.config_files and is_config_file(bufnr))) then
      M.attach(bufnr)
    end
  end
end

return M
