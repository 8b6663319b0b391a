import NXShell

NXShellCommand.main()
