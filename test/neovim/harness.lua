-- Drives Neovim after the documented configuration has been loaded (test/neovim/neovim.test.ts):
-- waits for the draft's diagnostics, asks for the code actions at the first half-width comma and
-- for the document symbols, runs :SpeechCount, writes the buffer (fix on save), and writes what it
-- saw as JSON to $SPEECH_NVIM_OUT. Waits are vim.wait on conditions set by events, bounded.
local out = { errors = {} }
local bufnr = vim.api.nvim_get_current_buf()
out.filetype = vim.bo[bufnr].filetype
out.version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)

local diagnosed = false
vim.api.nvim_create_autocmd('DiagnosticChanged', { callback = function() diagnosed = #vim.diagnostic.get(bufnr) > 0 end })
diagnosed = #vim.diagnostic.get(bufnr) > 0
if not vim.wait(20000, function() return diagnosed end, 10) then table.insert(out.errors, 'no diagnostics within 20 s') end

out.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(out.diagnostics, { line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col, severity = d.severity, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
end
table.sort(out.diagnostics, function(a, b) return a.line < b.line or (a.line == b.line and a.col < b.col) end)

local function request(method, params)
  local results, err = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not results then table.insert(out.errors, method .. ': ' .. tostring(err)); return nil end
  for _, response in pairs(results) do
    if response.err then table.insert(out.errors, method .. ': ' .. vim.inspect(response.err)) end
    return response.result
  end
end

-- The code actions at the first half-width comma, with its diagnostic as the editor sends it.
local comma
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp
  if (d.code or (lsp and lsp.code)) == 'punctuation-width' and (not comma or d.lnum < comma.lnum) then comma = d end
end
-- Neovim's diagnostic columns are bytes; LSP positions are UTF-16 (the server's encoding).
local function position(line, byte)
  local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1] or ''
  local _, utf16 = vim.str_utfindex(text, math.min(byte, #text))
  return { line = line, character = utf16 }
end
if comma then
  local range = { start = position(comma.lnum, comma.col), ['end'] = position(comma.end_lnum, comma.end_col) }
  local lsp_diagnostic = { range = range, code = 'punctuation-width', message = comma.message, source = 'speech-lint', severity = comma.severity }
  local actions = request('textDocument/codeAction', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = range, context = { diagnostics = { lsp_diagnostic } } }) or {}
  out.actions = {}
  for _, a in ipairs(actions) do
    -- The bulk fixes come without their edit: resolved as Neovim resolves a picked action.
    local resolved = a.edit == nil and a.data ~= nil and request('codeAction/resolve', a) or nil
    table.insert(out.actions, { title = a.title, kind = a.kind, edit = a.edit ~= nil and 'sent' or (resolved and resolved.edit and 'resolved') or 'none' })
  end
else
  table.insert(out.errors, 'no punctuation-width diagnostic')
end

local function symbols(list)
  local shaped = {}
  for _, s in ipairs(list or {}) do table.insert(shaped, { name = s.name, detail = s.detail, kind = s.kind, line = s.range.start.line, children = symbols(s.children) }) end
  return shaped
end
out.symbols = symbols(request('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }))

-- :SpeechCount shows its lines with vim.notify.
local counted
vim.notify = function(message) counted = message end
vim.cmd('SpeechCount')
if not vim.wait(10000, function() return counted ~= nil end, 10) then table.insert(out.errors, ':SpeechCount showed nothing') end
out.count = counted

-- Fix on save (the test reads the file afterwards).
vim.cmd('write')

local file = io.open(os.getenv('SPEECH_NVIM_OUT'), 'w')
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd('qa!')
