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
-- location list of the current window.
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
}

M.config = vim.deepcopy(defaults)

-- root_dir -> client id, for Neovim versions without vim.lsp.start.
local clients_by_root = {}
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

-- The client configuration for a buffer's workspace.
function M.client_config(root_dir)
  local c = M.config
  -- The server reads the `copydesk` section: from initializationOptions, and from
  -- workspace/configuration, which Neovim answers from `settings`.
  local section = vim.deepcopy(c.settings or {})
  if type(section.copydesk) == 'table' then
    section = section.copydesk -- { copydesk = {...} }, as nvim-lspconfig users write it
  end
  if is_empty(section) then
    section = vim.empty_dict() -- {} and not [] on the wire
  end
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
    on_attach = c.on_attach,
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

--- Attaches the server to a buffer, starting it for the buffer's workspace if needed.
--- Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local root_dir = find_root(bufnr)
  local config = M.client_config(root_dir)
  if vim.lsp.start ~= nil then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per workspace, started once and attached to each buffer.
  local id = clients_by_root[root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    local key = table.concat(config.cmd, ' ')
    if failed_cmds[key] then
      return nil -- told once already
    end
    id = vim.lsp.start_client(config)
    if id == nil then
      failed_cmds[key] = true
      vim.notify('copydesk: could not start `' .. key .. "`: install copydesk or set `cmd` in require('copydesk').setup()",
        vim.log.levels.WARN)
      return nil
    end
    clients_by_root[root_dir] = id
  end
  if not attached(bufnr, id) then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- The copydesk client attached to a buffer, or nil.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
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
  end
  vim.api.nvim_create_user_command('CopydeskSources', function()
    M.sources_to_loclist(0)
  end, { desc = "copydesk: the article's sources and their quotes in the location list" })
  -- Buffers that already have their filetype.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr)
      and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

return M
