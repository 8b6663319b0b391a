" Vim syntax file for nxsh runbooks (.nxs). Word lists follow the command table in
" Sources/NXLanguage; a test checks that every keyword, command and clause word is here.
if exists('b:current_syntax') | finish | endif

syn keyword nxshKeyword let if else for in assert exit print
syn keyword nxshOperatorWord and or not contains
syn keyword nxshConstant true false null
syn keyword nxshCommand token list get run status wait query audit export
syn keyword nxshClause on users with expires reason ref timeout windows macos workflows workflow campaigns campaign to compression gzip zstd
syn keyword nxshClause api manual manual_multiple scheduler device user user_and_device none active
syn keyword nxshCommand enrich delete
syn keyword nxshClause devices users binaries packages domain
syn keyword nxshStage where select sort first last count pluck asc desc
syn keyword nxshBuiltin len keys values upper lower trim split join str int type json unique range sum min max read now
syn keyword nxshSpecialVar it args dryrun

syn match nxshUUID /\<\x\{8}-\x\{4}-\x\{4}-\x\{4}-\x\{12}\>/
syn match nxshNQLID /#[A-Za-z0-9_]\+/
syn match nxshDuration /\<\d\+[dhms]\(\d\+[dhms]\)*\>/
syn match nxshNumber /\<\d\+\(\.\d\+\)\=\([eE][+-]\=\d\+\)\=\>/
syn match nxshOperator /==\|!=\|<=\|>=\|[-+*\/%=|]/

syn match nxshEscape /\\\([ntr"\\$]\|u{\x\{1,8}}\)/ contained
syn region nxshInterp matchgroup=nxshInterpDelim start=/\${/ end=/}/ contained contains=nxshUUID,nxshNQLID,nxshDuration,nxshNumber,nxshKeyword,nxshConstant,nxshBuiltin
syn region nxshString start=/"/ skip=/\\"/ end=/"\|$/ contains=nxshEscape,nxshInterp

syn match nxshComment /\/\/.*$/
syn match nxshComment /#\(\s\|$\).*$/
syn match nxshShebang /\%1l^#!.*$/

hi def link nxshKeyword Keyword
hi def link nxshOperatorWord Operator
hi def link nxshConstant Constant
hi def link nxshCommand Function
hi def link nxshClause Statement
hi def link nxshStage Statement
hi def link nxshBuiltin Function
hi def link nxshSpecialVar Identifier
hi def link nxshUUID Constant
hi def link nxshNQLID Constant
hi def link nxshDuration Number
hi def link nxshNumber Number
hi def link nxshOperator Operator
hi def link nxshString String
hi def link nxshEscape SpecialChar
hi def link nxshInterpDelim Delimiter
hi def link nxshComment Comment
hi def link nxshShebang PreProc

let b:current_syntax = 'nxsh'
