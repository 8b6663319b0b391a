import NXShell
