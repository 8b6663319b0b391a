" nxsh runbooks: *.nxs, or any file whose shebang runs nxsh.
autocmd BufRead,BufNewFile *.nxs setfiletype nxsh
autocmd BufRead,BufNewFile * if getline(1) =~# '^#!.*\<nxsh\>' | setfiletype nxsh | endif
